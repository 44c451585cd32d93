/** getmeas weight groups as Withings stores them, for the source tests that build their own. */

/** A Body+ scale's device id. */
export const SCALE = "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5";

export interface WeightGroupOptions {
  /** When Withings stored it (`created` = `modified`); 20 s after the weigh-in by default. */
  changed?: number;
  /** The weight in grams (exponent -3); 60 kg plus the group id by default. */
  grams?: number;
  /** Measures in place of the one weight. */
  measures?: Array<{ value: number; type: number; unit: number }>;
}

export function weightGroup(grpid: number, date: number, opts: WeightGroupOptions = {}) {
  const { changed = date + 20, grams = 60_000 + grpid } = opts;
  const measures = opts.measures ?? [{ value: grams, type: 1, unit: -3 }];
  return {
    grpid, attrib: 0, date, created: changed, modified: changed, category: 1, deviceid: SCALE, hash_deviceid: SCALE,
    measures: measures.map((m) => ({ ...m, algo: 3, fm: 3 })), modelid: 5, model: "Body+", comment: null,
  };
}
