import { deviceModelName } from "../codes/device-models";
import { isoInZone } from "../dates";
import type { Device, GetGoalsBody } from "../types";
import { convert, realValue, type UnitSystem } from "./units";

export interface DecodedDevice {
  type: string;
  model: string | null;
  model_id: number | null;
  battery: string | null;
  deviceid: string | null;
  hash_deviceid: string | null;
  timezone: string | null;
  first_session_date: number | null;
  first_session_date_iso: string | null;
  last_session_date: number | null;
  last_session_date_iso: string | null;
}

const iso = (epoch: number | null | undefined, tz: string): string | null =>
  typeof epoch === "number" ? isoInZone(epoch, tz) : null;

/** Decodes one linked device; an empty `model` (Sleep Analyzer) is named from `model_id`. */
export function decodeDevice(d: Device): DecodedDevice {
  const tz = d.timezone || "UTC";
  const model_id = typeof d.model_id === "number" ? d.model_id : null;
  return {
    type: d.type,
    model: deviceModelName(model_id, d.model),
    model_id,
    battery: d.battery ?? null,
    deviceid: d.deviceid ?? null,
    hash_deviceid: d.hash_deviceid ?? null,
    timezone: d.timezone || null,
    first_session_date: d.first_session_date ?? null,
    first_session_date_iso: iso(d.first_session_date, tz),
    last_session_date: d.last_session_date ?? null,
    last_session_date_iso: iso(d.last_session_date, tz),
  };
}

export interface DecodedGoals {
  steps: number | null;
  sleep_seconds: number | null;
  weight: number | null;
  weight_unit: string | null;
}

/** Decodes `goals`, which is `[]` (not an object) when the user has set none. */
export function decodeGoals(goals: GetGoalsBody["goals"] | null | undefined, system: UnitSystem = "metric"): DecodedGoals {
  const g = goals && !Array.isArray(goals) ? goals : {};
  const w = g.weight && typeof g.weight.value === "number" && typeof g.weight.unit === "number"
    ? convert(realValue(g.weight.value, g.weight.unit), "kg", "mass", system)
    : null;
  return {
    steps: typeof g.steps === "number" ? g.steps : null,
    sleep_seconds: typeof g.sleep === "number" ? g.sleep : null,
    weight: w ? w.value : null,
    weight_unit: w ? w.unit : null,
  };
}

/** "10000 steps, 8 h sleep, weight 70.5 kg", or "No goals set". */
export function describeGoals(g: DecodedGoals): string {
  const parts: string[] = [];
  if (g.steps !== null) parts.push(`${g.steps} steps`);
  if (g.sleep_seconds !== null) parts.push(`${Math.round((g.sleep_seconds / 3600) * 100) / 100} h sleep`);
  if (g.weight !== null) parts.push(`weight ${g.weight} ${g.weight_unit}`);
  return parts.length ? `Goals: ${parts.join(", ")}` : "No goals set";
}
