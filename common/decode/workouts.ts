import { deviceModelName } from "../codes/device-models";
import { workoutCategoryName } from "../codes/workout-categories";
import { isoInZone } from "../dates";
import type { Workout } from "../types";

/** Heart-rate and SpO2 summaries Withings fills with `0` when the device recorded none. */
const ZERO_MEANS_NO_DATA = ["hr_average", "hr_min", "hr_max", "spo2_average"] as const;
/** Time in each heart-rate zone: a real 0 when HR was recorded, "no data" when it was not. */
const HR_ZONES = ["hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3"] as const;

export interface DecodedWorkout {
  id: number;
  category: number;
  category_name: string;
  startdate: number;
  enddate: number;
  start_iso: string;
  end_iso: string;
  duration_seconds: number;
  date: string;
  timezone: string;
  /** Device model name (Withings sends a model code on workouts). */
  model: string | null;
  model_id: number | null;
  deviceid: string | null;
  attrib: number | null;
  modified: number | null;
  /** Requested `data_fields`; heart-rate values of 0 ("no data") become null. */
  data: Record<string, number | string | null>;
}

function modelOf(model: Workout["model"]): { model_id: number | null; model: string | null } {
  if (typeof model === "number") return { model_id: model, model: deviceModelName(model) };
  if (typeof model === "string" && /^\d+$/.test(model.trim())) {
    const id = Number(model);
    return { model_id: id, model: deviceModelName(id) };
  }
  return { model_id: null, model: deviceModelName(null, model) };
}

/** Maps Withings' "0 = no heart-rate data" convention to null, leaving other fields as sent. */
export function decodeWorkoutData(data: Workout["data"]): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = { ...(data ?? {}) };
  for (const k of ZERO_MEANS_NO_DATA) if (out[k] === 0) out[k] = null;
  const hasHr = ["hr_average", "hr_min", "hr_max"].some((k) => typeof out[k] === "number");
  if (!hasHr) for (const k of HR_ZONES) if (out[k] === 0) out[k] = null;
  return out;
}

/** Decodes one workout; `fallbackTz` is used when the workout carries no `timezone`. */
export function decodeWorkout(w: Workout, fallbackTz?: string): DecodedWorkout {
  const timezone = w.timezone || fallbackTz || "UTC";
  return {
    id: w.id,
    category: w.category,
    category_name: workoutCategoryName(w.category),
    startdate: w.startdate,
    enddate: w.enddate,
    start_iso: isoInZone(w.startdate, timezone),
    end_iso: isoInZone(w.enddate, timezone),
    duration_seconds: Math.max(0, w.enddate - w.startdate),
    date: w.date,
    timezone,
    ...modelOf(w.model),
    deviceid: w.deviceid ?? null,
    attrib: typeof w.attrib === "number" ? w.attrib : null,
    modified: typeof w.modified === "number" ? w.modified : null,
    data: decodeWorkoutData(w.data),
  };
}
