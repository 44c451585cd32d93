/**
 * Zapier's fields from the components' own definitions: input fields from `describeProps`, records with ISO 8601
 * times instead of unix seconds, and labelled output fields with units for the triggers' records.
 */
import type { PropSpec } from "../../../hosts/kit";
import { isoInZone } from "../../../common/dates";

/** Keys Zapier accepts: a letter, then letters, digits and underscores. */
export const zapierKey = (s: string): string => s.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^[^A-Za-z]+/, "");

/** Zapier wants help text of 10 to 1000 characters; Markdown links are kept. */
function helpText(p: PropSpec): string {
  const text = p.description || p.label;
  const padded = text.length >= 10 ? text : `${text} (optional)`;
  return padded.length > 1000 ? `${padded.slice(0, 997)}...` : padded;
}

export interface InputField {
  key: string;
  label: string;
  helpText: string;
  required: boolean;
  type?: string;
  list?: boolean;
  default?: string;
  choices?: Array<{ label: string; value: string; sample: string }>;
  dynamic?: string;
  altersDynamicFields?: boolean;
}

/** One Zapier input field per prop; `dynamic` names the hidden trigger that lists a prop's choices. */
export function inputField(p: PropSpec, dynamic?: string): InputField {
  const field: InputField = { key: p.name, label: p.label, helpText: helpText(p), required: p.required };
  const base = p.type.replace(/\[\]$/, "");
  if (p.type.endsWith("[]")) field.list = true;
  if (base === "integer") field.type = "integer";
  else if (base === "boolean") field.type = "boolean";
  else if (base === "object") field.type = "text";
  else field.type = "string";
  if (p.default !== undefined && !Array.isArray(p.default) && typeof p.default !== "object") field.default = String(p.default);
  if (p.options?.length) {
    field.choices = p.options.map((o) => ({ label: o.label, value: String(o.value), sample: String(o.value) }));
  }
  if (p.dynamicOptions && dynamic) field.dynamic = dynamic;
  return field;
}

/** Unix-second fields and the ISO twin the decoders already give for some of them. */
const EPOCH_TWINS: Record<string, string | null> = {
  date: "date_iso", startdate: "start_iso", enddate: "end_iso", timestamp: "time_iso",
  created: null, modified: null, completed: null,
};

/**
 * A record as Zapier wants it: `id` first (the Pipedream source's id), and times in ISO 8601 with the record's
 * offset. A unix-seconds field with an ISO twin is dropped; the others (created, modified) become ISO text.
 */
export function zapierRecord(id: string, event: unknown): Record<string, unknown> {
  const e = (event && typeof event === "object" ? event : { value: event }) as Record<string, unknown>;
  const tz = typeof e.timezone === "string" && e.timezone ? e.timezone : "UTC";
  const out: Record<string, unknown> = { id };
  for (const [k, v] of Object.entries(e)) {
    if (k === "id") continue;
    if (k in EPOCH_TWINS && typeof v === "number" && Number.isFinite(v)) {
      const twin = EPOCH_TWINS[k];
      if (twin && twin in e) continue;
      out[k] = isoInZone(v, tz);
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Units of fields named without one, by their last key part. */
const UNITS: Record<string, string> = {
  distance: "metres", elevation: "metres", manual_distance: "metres",
  calories: "kcal", totalcalories: "kcal", manual_calories: "kcal",
  soft: "seconds", moderate: "seconds", intense: "seconds", active: "seconds",
  hr_average: "bpm", hr_min: "bpm", hr_max: "bpm", heart_rate: "bpm", pulse: "bpm",
  hr_zone_0: "seconds", hr_zone_1: "seconds", hr_zone_2: "seconds", hr_zone_3: "seconds",
  rr_average: "breaths per minute", rr_min: "breaths per minute", rr_max: "breaths per minute",
  wakeupduration: "seconds", remsleepduration: "seconds", lightsleepduration: "seconds", deepsleepduration: "seconds",
  total_sleep_time: "seconds", total_timeinbed: "seconds", sleep_latency: "seconds", wakeup_latency: "seconds",
  waso: "seconds", snoring: "seconds", durationtosleep: "seconds", durationtowakeup: "seconds",
  pause_duration: "seconds", algo_pause_duration: "seconds", duration_seconds: "seconds",
  spo2_average: "%", sleep_efficiency: "ratio 0-1", total_sleep_time_hours: "hours",
  systole: "mmHg", diastole: "mmHg",
};

/** Units a field name ends with (`weight_kg`, `fat_ratio_percent`, `pulse_wave_velocity_m_per_s`). */
const SUFFIXES: Array<[RegExp, string]> = [
  [/_kg$/, "kg"], [/_lb$/, "lb"], [/_percent$/, "%"], [/_mmhg$/, "mmHg"], [/_bpm$/, "bpm"], [/_m_per_s$/, "m/s"],
  [/_ft_per_s$/, "ft/s"], [/_years$/, "years"], [/_kcal_per_day$/, "kcal per day"], [/_seconds$/, "seconds"],
  [/_degc$/, "°C"], [/_degf$/, "°F"], [/_m$/, "m"], [/_in$/, "in"], [/_ms$/, "ms"],
];

const LABELS: Record<string, string> = {
  id: "ID", date_iso: "Date", start_iso: "Start", end_iso: "End", time_iso: "Time", timezone: "Time Zone",
  created: "Created", modified: "Modified", completed: "Completed", deviceid: "Device ID", hash_deviceid: "Device ID (Hashed)",
  grpids: "Measure Group IDs", signalid: "Signal ID", afib_result: "AFib Result", vhd_result: "Valvular Heart Disease Result",
  device_model: "Device Model", model_name: "Device Type", modelid: "Model ID", model_id: "Model ID",
};

const words = (key: string) => key.split("_").filter(Boolean)
  .map((w) => (/^(hr|rr|id|ecg|afib|vhd|spo2|iso)$/i.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1))).join(" ");

/** "Weight (in kg)", "Distance (in metres)", "Heart Rate Average (in bpm)" for a (nested) key. */
export function fieldLabel(path: string[]): string {
  const leaf = path[path.length - 1];
  if (LABELS[leaf]) return LABELS[leaf];
  const suffix = SUFFIXES.find(([re]) => re.test(leaf));
  const bare = suffix ? leaf.replace(suffix[0], "") : leaf;
  const unit = suffix?.[1] ?? UNITS[leaf];
  // New Measurement's values come with their unit beside them, in `units` (it follows the unit system).
  if (path.length === 2 && path[0] === "values") return `${words(leaf)} (unit in Units: ${words(leaf)})`;
  if (path.length === 2 && path[0] === "units") return `Units: ${words(leaf)}`;
  const parent = path.length > 1 && path[0] !== "data" ? `${words(path[0])}: ` : "";
  return `${parent}${words(bare)}${unit ? ` (in ${unit})` : ""}`;
}

export interface OutputField { key: string; label: string; type?: string; primary?: boolean; list?: boolean }

/** Output fields of a sample record: nested objects as Zapier's `a__b` keys, `id` marked primary. */
export function outputFields(sample: Record<string, unknown>): OutputField[] {
  const out: OutputField[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      return;
    }
    if (Array.isArray(v) && v.some((x) => x && typeof x === "object")) {
      // Line items: one field per key of the first item, keyed as Zapier keys them (`measures[]value`).
      const first = v.find((x) => x && typeof x === "object") as Record<string, unknown>;
      for (const [k, x] of Object.entries(first)) {
        out.push({ key: `${path.join("__")}[]${k}`, label: `${words(path[path.length - 1])}: ${fieldLabel([k])}`,
          type: typeof x === "number" ? "number" : "string" });
      }
      return;
    }
    const field: OutputField = { key: path.join("__"), label: fieldLabel(path) };
    if (Array.isArray(v)) field.list = true;
    else if (typeof v === "number") field.type = "number";
    else if (typeof v === "boolean") field.type = "boolean";
    else if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) field.type = "datetime";
    else field.type = "string";
    if (path.length === 1 && path[0] === "id") field.primary = true;
    out.push(field);
  };
  walk(sample, []);
  return out;
}
