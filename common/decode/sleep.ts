import { deviceModelName } from "../codes/device-models";
import { SLEEP_STATES, codeLabel } from "../codes/misc";
import { ASLEEP_STATES, SLEEP_MODELS } from "../codes/sleep";
import { isoInZone } from "../dates";
import type { SleepSegment, SleepSummary } from "../types";

/** One high-frequency reading of a sleep segment, e.g. a heart rate of 58 bpm at a given second. */
export interface SleepSample {
  timestamp: number;
  value: number | null;
}

export interface DecodedSleepSegment {
  startdate: number;
  enddate: number;
  start_iso: string;
  end_iso: string;
  duration_seconds: number;
  state: number;
  state_name: string | null;
  model: string | null;
  model_id: number | null;
  hash_deviceid: string | null;
  /** Each requested data field (`hr`, `rr`, `snoring`, …) as readings sorted by time. */
  samples: Record<string, SleepSample[]>;
}

/** Fields of a segment that are not sample series. */
const SEGMENT_FIELDS = new Set(["startdate", "enddate", "state", "model", "model_id", "hash_deviceid"]);

const isSeries = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Turns `{ "<epoch>": value }` into readings sorted by time; non-numeric values become null. */
export function decodeSamples(series: Record<string, unknown>): SleepSample[] {
  return Object.entries(series)
    .map(([ts, v]) => ({ timestamp: Number(ts), value: typeof v === "number" && Number.isFinite(v) ? v : null }))
    .filter((s) => Number.isFinite(s.timestamp))
    .sort((a, b) => a.timestamp - b.timestamp);
}

export function decodeSleepSegment(s: SleepSegment, tz: string): DecodedSleepSegment {
  const samples: Record<string, SleepSample[]> = {};
  for (const [field, value] of Object.entries(s)) {
    if (!SEGMENT_FIELDS.has(field) && isSeries(value)) samples[field] = decodeSamples(value);
  }
  const modelId = typeof s.model_id === "number" ? s.model_id : null;
  return {
    startdate: s.startdate,
    enddate: s.enddate,
    start_iso: isoInZone(s.startdate, tz),
    end_iso: isoInZone(s.enddate, tz),
    duration_seconds: Math.max(0, s.enddate - s.startdate),
    state: s.state,
    state_name: codeLabel(SLEEP_STATES, s.state, "state"),
    model: deviceModelName(modelId, s.model),
    model_id: modelId,
    hash_deviceid: s.hash_deviceid ?? null,
    samples,
  };
}

const segmentKey = (s: SleepSegment) => `${s.startdate}|${s.state}|${s.hash_deviceid ?? ""}`;

/**
 * Merges segments from consecutive 24 h calls: a segment that crosses a window boundary comes back
 * from both calls, so segments with the same start, state and device are kept once, with the later
 * end and the union of their readings. The result is sorted by start.
 */
export function mergeSleepSegments(batches: readonly (readonly SleepSegment[])[]): SleepSegment[] {
  const byKey = new Map<string, SleepSegment>();
  for (const batch of batches) {
    for (const seg of batch) {
      const key = segmentKey(seg);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { ...seg });
        continue;
      }
      seen.enddate = Math.max(seen.enddate, seg.enddate);
      for (const [field, value] of Object.entries(seg)) {
        if (SEGMENT_FIELDS.has(field) || !isSeries(value)) continue;
        const prev = seen[field];
        seen[field] = isSeries(prev) ? { ...prev, ...value } : { ...value };
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.startdate - b.startdate || a.enddate - b.enddate);
}

/** Seconds spent asleep (light, deep, REM or manual) across the segments. */
export function asleepSeconds(segments: readonly Pick<DecodedSleepSegment, "state" | "duration_seconds">[]): number {
  return segments.reduce((sum, s) => sum + (ASLEEP_STATES.includes(s.state) ? s.duration_seconds : 0), 0);
}

/** "6 h 12 min", "45 min": for summaries. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

export interface DecodedSleepSummary {
  id: number;
  /** The night's `YYYY-MM-DD`: Withings dates a night by the day the user woke up, in `timezone`. */
  date: string;
  timezone: string;
  startdate: number;
  enddate: number;
  start_iso: string;
  end_iso: string;
  /** 16 (tracker) or 32 (sleep monitor). */
  model: number | null;
  model_name: string | null;
  model_id: number | null;
  /** The device model, e.g. "Aura Sensor V2" or "ScanWatch". */
  device_model: string | null;
  hash_deviceid: string | null;
  created: number | null;
  modified: number | null;
  completed: boolean | null;
  /** Every field Withings returned, unchanged (durations in seconds, `sleep_efficiency` as a 0–1 ratio). */
  data: Record<string, unknown>;
  total_sleep_time_hours?: number;
  sleep_score?: number;
  hr_average?: number;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Decodes one night of Sleep v2 Getsummary; times are shown in the record's zone, else `fallbackTz`, else UTC. */
export function decodeSleepSummary(s: SleepSummary, fallbackTz?: string): DecodedSleepSummary {
  const timezone = s.timezone || fallbackTz || "UTC";
  const model = typeof s.model === "number" ? s.model : null;
  const modelId = typeof s.model_id === "number" ? s.model_id : null;
  const data = { ...(s.data ?? {}) };
  const out: DecodedSleepSummary = {
    id: s.id,
    date: s.date,
    timezone,
    startdate: s.startdate,
    enddate: s.enddate,
    start_iso: isoInZone(s.startdate, timezone),
    end_iso: isoInZone(s.enddate, timezone),
    model,
    model_name: model === null ? null : SLEEP_MODELS[model] ?? `Sleep Model ${model}`,
    model_id: modelId,
    device_model: deviceModelName(modelId),
    hash_deviceid: s.hash_deviceid ?? null,
    created: s.created ?? null,
    modified: s.modified ?? null,
    completed: typeof s.completed === "boolean" ? s.completed : null,
    data,
  };
  const total = num(data.total_sleep_time);
  if (total !== undefined) out.total_sleep_time_hours = Math.round((total / 3600) * 100) / 100;
  const score = num(data.sleep_score);
  if (score !== undefined) out.sleep_score = score;
  const hr = num(data.hr_average);
  if (hr !== undefined) out.hr_average = hr;
  return out;
}
