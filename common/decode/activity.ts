import { deviceModelName } from "../codes/device-models";
import { codeLabel } from "../codes/misc";
import type { Activity } from "../types";

/** Activity `brand`: where the day's data came from. */
export const ACTIVITY_BRANDS: Readonly<Record<number, string>> = { 1: "Withings", 18: "External" };

/**
 * One day of activity from one source. Withings' own fields are kept as sent (HR fields stay absent
 * on days without heart-rate data); `modelid`, `model` and `brand_name` are normalised and decoded.
 */
export interface DecodedActivity {
  date: string;
  timezone: string | null;
  deviceid: string | null;
  hash_deviceid: string | null;
  brand: number | null;
  brand_name: string | null;
  is_tracker: boolean | null;
  modelid: number | null;
  model: string | null;
  modified: number | null;
  steps?: number;
  distance?: number;
  elevation?: number;
  soft?: number;
  moderate?: number;
  intense?: number;
  active?: number;
  calories?: number;
  totalcalories?: number;
  hr_average?: number;
  hr_min?: number;
  hr_max?: number;
  hr_zone_0?: number;
  hr_zone_1?: number;
  hr_zone_2?: number;
  hr_zone_3?: number;
  [field: string]: unknown;
}

/** Decodes one activity row; `fallbackTz` is used when the row carries no `timezone`. */
export function decodeActivity(a: Activity, fallbackTz?: string): DecodedActivity {
  // Real rows say `modelid`; the spec says `model_id`. Keep one name.
  const { model_id: specModelId, ...rest } = a;
  const modelid = a.modelid ?? specModelId ?? null;
  const brand = typeof a.brand === "number" ? a.brand : null;
  return {
    ...rest,
    date: a.date,
    timezone: a.timezone || fallbackTz || null,
    deviceid: a.deviceid ?? null,
    hash_deviceid: a.hash_deviceid ?? null,
    brand,
    brand_name: codeLabel(ACTIVITY_BRANDS, brand, "brand"),
    is_tracker: typeof a.is_tracker === "boolean" ? a.is_tracker : null,
    modelid,
    model: deviceModelName(modelid, a.model),
    modified: typeof a.modified === "number" ? a.modified : null,
  };
}
