/** Sleep-specific codes. https://developer.withings.com/api-reference/#tag/sleep */

/** `model` of Sleep v2 bodies and summaries: the kind of device, not the device model (that is `model_id`). */
export const SLEEP_MODELS: Readonly<Record<number, string>> = {
  16: "Tracker",
  32: "Sleep Monitor",
};

/** Sleep states counted as time asleep: light, deep, REM, and sleep the user entered by hand. */
export const ASLEEP_STATES: readonly number[] = [1, 2, 3, 4];
