/** Small Withings code tables. https://developer.withings.com/api-reference/ */

/** `attrib` of measure groups. 1 and 4 may belong to someone else or be inaccurate. */
export const ATTRIBS: Readonly<Record<number, string>> = {
  0: "Device, known user",
  1: "Device, ambiguous user",
  2: "Manual entry",
  3: "User picked",
  4: "Manual entry at account creation",
  5: "Measure auto",
  7: "Confirmed by user",
  8: "Device, known user",
  15: "Guided conditions",
  17: "Guided conditions",
};
export const UNTRUSTED_ATTRIBS: readonly number[] = [1, 4];

/** `position` of a measure and `wearposition` of an ECG. 7 is used in real data but missing from the spec. */
export const POSITIONS: Readonly<Record<number, string>> = {
  0: "right_wrist", 1: "left_wrist", 2: "right_arm", 3: "left_arm", 4: "right_foot", 5: "left_foot",
  6: "between_legs", 7: "whole_body", 8: "left_part_of_body", 9: "right_part_of_body", 10: "left_leg",
  11: "right_leg", 12: "torso", 13: "left_hand", 14: "right_hand", 15: "aortic_area", 16: "pulmonic_area",
  17: "tricuspid_area", 18: "mitral_area", 19: "apex_area", 20: "front_upper_right", 21: "front_upper_left",
  22: "front_bottom_right", 23: "front_bottom_left", 24: "back_upper_left", 25: "back_upper_right",
  26: "back_bottom_left", 27: "back_bottom_right", 28: "wide_mode_area", 29: "between_arms", 30: "hold_right",
  31: "hold_left",
};

/** Sleep states in Sleep v2 Get. */
export const SLEEP_STATES: Readonly<Record<number, string>> = {
  0: "awake", 1: "light", 2: "deep", 3: "rem", 4: "manual", 5: "unspecified", 15: "out_of_bed",
};

/** ECG `afib` classification in Heart v2 List. */
export const AFIB_RESULTS: Readonly<Record<number, string>> = {
  0: "negative", 1: "positive", 2: "inconclusive",
};

/** Notification categories (`appli`); a different namespace from measure types. */
export const NOTIFY_APPLIS = [
  { code: 1, key: "weight", name: "Weight and body composition", scope: "user.metrics" },
  { code: 2, key: "temperature", name: "Temperature", scope: "user.metrics" },
  { code: 4, key: "pressure", name: "Blood pressure, heart rate and SpO2", scope: "user.metrics" },
  { code: 16, key: "activity", name: "Activity and workouts", scope: "user.activity" },
  { code: 44, key: "sleep", name: "Sleep", scope: "user.activity" },
  { code: 46, key: "user", name: "User profile action", scope: "user.info" },
  { code: 50, key: "bed_in", name: "Bed in", scope: "user.sleepevents" },
  { code: 51, key: "bed_out", name: "Bed out", scope: "user.sleepevents" },
  { code: 52, key: "inflate_done", name: "Sleep sensor inflate done", scope: "user.sleepevents" },
  { code: 53, key: "no_account", name: "Device set up without account", scope: "signature" },
  { code: 54, key: "ecg", name: "New ECG", scope: "user.metrics" },
  { code: 55, key: "ecg_failed", name: "ECG measure failed", scope: "user.metrics" },
  { code: 58, key: "glucose", name: "Glucose", scope: "user.metrics" },
] as const;
export type NotifyAppliCode = (typeof NOTIFY_APPLIS)[number]["code"];

/** Looks a code up in a table; unknown codes get a generic label instead of throwing. */
export function codeLabel(table: Readonly<Record<number, string>>, code: number | null | undefined,
  prefix: string): string | null {
  if (code === null || code === undefined) return null;
  return table[code] ?? `${prefix}_${code}`;
}
