/**
 * Stetho v2 codes. https://developer.withings.com/api-reference/#tag/stetho
 *
 * `vhd` is the valvular heart disease result of a heart-sound recording. Withings publishes no table
 * for it; the BPM Core reports three outcomes (no sign of valvular disease, a sign of it, inconclusive),
 * taken here in the order Withings uses for the ECG AFib result. Any other code is kept as `vhd_<code>`.
 * The recording's `position` uses the measure position table (15–19 are the cardiac auscultation areas).
 */
export const VHD_RESULTS: Readonly<Record<number, string>> = {
  0: "negative",
  1: "positive",
  2: "inconclusive",
};

/** The encoding Withings documents for Stetho v2 Get `signal`. */
export const STETHO_ENCODING = "G.711 A-law";

/** "usually 4kHz" per the API reference; used only when a signal comes without its frequency. */
export const STETHO_DEFAULT_FREQUENCY = 4000;
