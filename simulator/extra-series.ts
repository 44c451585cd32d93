import { hash32, intBetween, seededRandom } from "./random";

/**
 * The less common high-frequency fields Withings serves only when asked through `data_fields`: heart
 * rate variability, movement, chest movement, breathing events. Drawn from their own random stream so
 * the series generated before them (hr, rr, snoring, steps) do not change.
 */

/** Per-minute sleep series beyond hr/rr/snoring for one segment of a Sleep Analyzer night. */
export function extraSleepSeries(summaryId: number, startdate: number, enddate: number, state: number): Record<string, Record<string, number>> {
  const r = seededRandom(hash32("sleep-extra", summaryId, startdate));
  const out: Record<string, Record<string, number>> = {
    sdnn_1: {}, rmssd: {}, hrv_quality: {}, mvt_score: {}, chest_movement_rate: {}, breathing_sounds: {},
  };
  const deep = state === 2;
  for (let m = startdate; m < enddate; m += 60) {
    const k = String(m);
    out.sdnn_1[k] = intBetween(r, deep ? 55 : 35, deep ? 90 : 70);
    out.rmssd[k] = intBetween(r, deep ? 45 : 25, deep ? 80 : 60);
    out.hrv_quality[k] = intBetween(r, 0, 3);
    out.mvt_score[k] = state === 0 ? intBetween(r, 40, 255) : intBetween(r, 0, 30);
    out.chest_movement_rate[k] = 13 + intBetween(r, -2, 3);
    out.breathing_sounds[k] = deep && r() < 0.2 ? intBetween(r, 5, 40) : 0;
  }
  // Breathing events per hour, one value per segment.
  out.withings_index = { [String(startdate)]: intBetween(r, 0, 12) };
  return out;
}

/** Night-time watch readings beside the heart rate: heart rate variability and respiration rate. */
export function nightIntradayExtras(seed: number, minute: number): Record<string, number> {
  const h = hash32(seed, "night-extra", minute);
  return { rmssd: 30 + (h % 40), sdnn1: 40 + ((h >>> 8) % 45), hrv_quality: (h >>> 16) % 4, rr: 12 + ((h >>> 20) % 6) };
}
