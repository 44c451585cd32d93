import { deviceModelName } from "../codes/device-models";
import { isoInZone } from "../dates";
import type { GetIntradayBody } from "../types";

/** One intraday sample: when, which device, and the requested fields (steps, heart_rate, ...). */
export interface IntradayPoint {
  timestamp: number;
  time_iso: string;
  deviceid: string | null;
  model: string | null;
  model_id: number | null;
  [field: string]: unknown;
}

/**
 * Turns `series` (an object keyed by epoch-seconds strings, or `[]` when empty) into points sorted
 * by time. `tz` sets the offset of `time_iso`.
 */
export function decodeIntradaySeries(series: GetIntradayBody["series"] | null | undefined, tz = "UTC"): IntradayPoint[] {
  if (!series || Array.isArray(series)) return [];
  const out: IntradayPoint[] = [];
  for (const [key, point] of Object.entries(series)) {
    const timestamp = Number(key);
    if (!Number.isFinite(timestamp)) continue;
    const { deviceid, model, model_id, ...fields } = point ?? {};
    const modelId = typeof model_id === "number" ? model_id : null;
    out.push({
      timestamp,
      time_iso: isoInZone(timestamp, tz),
      deviceid: deviceid ?? null,
      model: deviceModelName(modelId, model),
      model_id: modelId,
      ...fields,
    });
  }
  return out.sort((a, b) => a.timestamp - b.timestamp);
}
