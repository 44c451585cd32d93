/**
 * Renderings of component output for a person reading a terminal: the fields a workflow builder maps (decoded
 * values with their units, times in the user's zone), wrapped at spaces so that no word or value is ever cut.
 */
import { shortInZone } from "../common/dates";

/** Codes and bookkeeping that say nothing to a reader when a named or decoded twin is shown. */
const TECHNICAL = new Set([
  "deviceid", "hash_deviceid", "grpid", "grpids", "created", "modified", "attrib", "attribs", "measures", "units",
  "brand", "is_tracker", "raw_value", "raw_unit",
]);
/** Epoch fields and the ISO twin (in the record's zone) shown instead. */
const ISO_TWIN: Record<string, string> = {
  date: "date_iso", timestamp: "time_iso", startdate: "start_iso", enddate: "end_iso",
  first_session_date: "first_session_date_iso", last_session_date: "last_session_date_iso",
};
const MAX_LIST = 6;

const NBSP = "\u00a0";
const UNITS = "kg|lb|%|mmHg|bpm|km|m|m/s|min|h|s|ms|kcal|years|°C|°F|Hz|µV|samples|steps";

/** Spaces that must not break a line: inside a date and time (and its zone), and between a number and its unit. */
function glue(text: string): string {
  return text
    .replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/g, `$1${NBSP}$2`)
    .replace(/(\d{2}:\d{2}) ((?:[A-Z][A-Za-z_-]+\/[A-Za-z_/-]+)|UTC)\b/g, `$1${NBSP}$2`)
    .replace(new RegExp(`(\\d) (${UNITS})(?=[\\s,.;)]|$)`, "g"), `$1${NBSP}$2`)
    .replace(/(\d\u00a0h) (\d+\u00a0min)/g, `$1${NBSP}$2`);
}

/**
 * Breaks `text` at spaces into lines of at most `width` characters, never inside a date and time or between a
 * number and its unit; a longer word stays whole on its own line.
 */
export function wrap(text: string, width: number): string[] {
  return breakWords(glue(text).split(" "), width, " ").map((l) => l.replaceAll(NBSP, " "));
}

/** Greedy line filling with `pieces` joined by `sep`; a piece longer than a line stays whole. */
function breakWords(pieces: string[], width: number, sep: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of pieces) {
    if (line && line.length + sep.length + word.length > width) {
      lines.push(line.trimEnd());
      line = word;
    } else {
      line = line ? `${line}${sep}${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `field: value` parts joined by ", ", wrapped only between parts (a part longer than a line is word-wrapped). */
export function wrapParts(parts: string[], width: number): string[] {
  const withCommas = parts.map((p, i) => (i < parts.length - 1 ? `${p},` : p));
  return breakWords(withCommas, width, " ").flatMap((l) => (l.length > width ? wrap(l, width) : [l]));
}

/** One value, short: long lists are counted, nested objects shown inline. */
export function shortValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) {
    if (v.length > MAX_LIST) return `[${v.length} values]`;
    return `[${v.map(shortValue).join(", ")}]`;
  }
  if (typeof v === "object") {
    const inner = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${shortValue(x)}`);
    return `{ ${inner.join(", ")} }`;
  }
  return typeof v === "string" ? v : String(v);
}

/** `weight 72.4 kg, fat_ratio 18.1 %` from a decoded `values` object and its `units`. */
function valuesWithUnits(values: Record<string, unknown>, units: Record<string, unknown> | undefined): string[] {
  return Object.entries(values).map(([k, v]) => {
    const unit = typeof units?.[k] === "string" && units[k] ? ` ${units[k] as string}` : "";
    return `${k} ${shortValue(v)}${unit}`;
  });
}

/**
 * The fields of one record, as `field: value` in reading order: its times first, then its decoded values, then
 * the rest. Codes with a named twin (`model_id` next to `model`, `category` next to `category_name`), raw epochs
 * with an ISO twin, nulls and bookkeeping ids are left out.
 */
export function fields(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  const hidden = (k: string) => TECHNICAL.has(k) || record[k] === null || record[k] === undefined
    || (ISO_TWIN[k] !== undefined && ISO_TWIN[k] in record)
    || (`${k}_name` in record) || ((k === "model_id" || k === "modelid") && typeof record.model === "string")
    || (k === "model" && typeof record.model_name === "string");
  const isTime = (k: string) => k.endsWith("_iso") || (k === "date" && typeof record.date === "string");
  const ordered = [...keys.filter(isTime), ...keys.filter((k) => k === "values"), ...keys.filter((k) => !isTime(k) && k !== "values")];
  return ordered.filter((k) => !hidden(k)).flatMap((k) => {
    if (k === "values" && record.values && typeof record.values === "object") {
      const values = valuesWithUnits(record.values as Record<string, unknown>, record.units as Record<string, unknown>);
      return values.map((v, i) => (i === 0 ? `values: ${v}` : v));
    }
    return [`${k}: ${shortValue(record[k])}`];
  });
}

/**
 * One record in at most `maxLines` lines of `width`: whole fields only, then how many were left out.
 * Plain values (not objects) are shown as they are.
 */
export function describeRecord(record: unknown, width: number, maxLines = 2): string[] {
  if (!record || typeof record !== "object" || Array.isArray(record)) return wrap(shortValue(record), width);
  const all = fields(record as Record<string, unknown>);
  for (let n = all.length; n >= 1; n--) {
    const rest = all.length - n;
    const lines = wrapParts(rest ? [...all.slice(0, n), `… ${rest} more`] : all, width);
    if (lines.length <= maxLines || n === 1) return lines;
  }
  return ["{}"];
}

/**
 * A result as a few lines: each of the first `items` records of a list (one bullet each), or a single object.
 * Wrapped lines are indented under their bullet.
 */
export function describeResult(result: unknown, width: number, items = 3): string[] {
  if (result === undefined) return ["(no return value)"];
  const bullet = (lines: string[]) => lines.map((l, i) => (i === 0 ? `• ${l}` : `  ${l}`));
  if (Array.isArray(result)) {
    if (!result.length) return ["(an empty list)"];
    const out = result.slice(0, items).flatMap((r) => bullet(describeRecord(r, width - 2)));
    if (result.length > items) out.push(`… and ${result.length - items} more`);
    return out;
  }
  return describeRecord(result, width, 3);
}

/** An emitted event: its summary, and the event's time in the user's zone unless the summary already says it. */
export function describeEvent(summary: string | undefined, tsMs: number | undefined, zone: string, width: number): string[] {
  const time = typeof tsMs === "number" && Number.isFinite(tsMs) ? shortInZone(Math.floor(tsMs / 1000), zone) : undefined;
  const text = summary ?? "(no summary)";
  const label = time && !text.includes(time) ? ` · event time ${time} ${zone}` : "";
  return wrap(`${text}${label}`, width);
}
