import { DATA_FIELDS, DEFAULT_DATA_FIELDS, type DataFieldEndpoint } from "./codes/data-fields";
import { DAY, isValidTimeZone, parseUserDate, toEpoch, toYmd, addDays, ymdInZone, type UserDate } from "./dates";
import { InputError } from "./errors";

/**
 * Validation of component inputs. Every function here throws an InputError that names the prop,
 * and none needs the network, so bad input is refused before any request.
 */

export interface RangeProps {
  startDate?: unknown;
  endDate?: unknown;
  lastUpdate?: unknown;
}

export interface ParsedRange {
  start?: UserDate;
  end?: UserDate;
  lastUpdate?: number;
}

/** Time zones sit within ±14 h of UTC: the most a wall time can move once the user's zone is known. */
export const ZONE_SLACK = 14 * 3600;

const blank = (v: unknown) => v === undefined || v === null || v === "";

/** Parses and checks a date range (or `lastUpdate`, never both). */
export function parseRange(props: RangeProps, { allowLastUpdate = false } = {}): ParsedRange {
  const out: ParsedRange = {};
  if (!blank(props.startDate)) out.start = parseUserDate(props.startDate, "startDate");
  if (!blank(props.endDate)) out.end = parseUserDate(props.endDate, "endDate");
  if (!blank(props.lastUpdate)) {
    if (!allowLastUpdate) throw new InputError("lastUpdate", "this action does not accept lastUpdate.");
    // Withings returns nothing when lastupdate is sent together with a date range.
    if (out.start || out.end) {
      throw new InputError("lastUpdate", "use either lastUpdate or startDate/endDate, not both.");
    }
    const d = parseUserDate(props.lastUpdate, "lastUpdate");
    if (d.kind !== "instant") {
      throw new InputError("lastUpdate", "give an exact time with an offset or unix seconds, e.g. 2026-11-20T00:00:00Z.");
    }
    out.lastUpdate = d.epoch;
  }
  if (out.start && out.end) {
    // Compare without the user's zone: a local wall time is within ZONE_SLACK of the same time in UTC.
    const slack = out.start.kind === out.end.kind ? 0 : ZONE_SLACK;
    const s = toEpoch(out.start, "UTC");
    const e = toEpoch(out.end, "UTC", true);
    if (s > e + slack) throw new InputError("endDate", "endDate is before startDate.");
  }
  return out;
}

/**
 * True when turning this range into `want` needs the user's time zone: local dates for unix seconds,
 * instants for days, and a missing end of a day range (it defaults to the user's today).
 */
export function rangeNeedsZone(r: ParsedRange, want: "epoch" | "ymd"): boolean {
  if (want === "ymd" && (!r.start || !r.end) && r.lastUpdate === undefined) return true;
  const check = (d?: UserDate) => !!d && (want === "epoch" ? d.kind === "local" : d.kind === "instant");
  return check(r.start) || check(r.end);
}

/** The longest range an action reads, and why (the reason ends the error message). */
export interface SpanLimit {
  maxSpan: number;
  hint: string;
  /** Extra seconds tolerated while the user's zone is still unknown (a zone moves a wall time by up to ±14 h). */
  slack?: number;
}

/** Unix-seconds range; missing ends default to `now` and `now - defaultSpan`; refused past `limit`. */
export function epochRange(r: ParsedRange, tz: string, now: number, defaultSpan: number,
  limit?: SpanLimit): { startdate: number; enddate: number } {
  const enddate = r.end ? toEpoch(r.end, tz, true) : now;
  // A default start never goes before the epoch (an end in early 1970 would make it negative).
  const startdate = r.start ? toEpoch(r.start, tz) : Math.max(0, enddate - defaultSpan);
  if (startdate > enddate) throw new InputError("endDate", "endDate is before startDate.");
  if (limit) {
    // Whole local days are counted as calendar days: a week holding a DST change is 7 days, not 7 days and 1 h.
    const days = calendarDays(r);
    const over = days !== undefined ? days * DAY > limit.maxSpan : enddate - startdate > limit.maxSpan + (limit.slack ?? 0);
    if (over) {
      const count = days !== undefined ? `${days} days` : `about ${Math.ceil((enddate - startdate) / DAY)} days`;
      throw new InputError("endDate", `the range covers ${count}, longer than ${Math.round(limit.maxSpan / DAY)} days. ${limit.hint}`);
    }
  }
  return { startdate, enddate };
}

/** Days from the start date to the end date, both included, when both are dates without a time. */
export function calendarDays(r: ParsedRange): number | undefined {
  const s = r.start;
  const e = r.end;
  if (s?.kind !== "local" || e?.kind !== "local" || !s.dateOnly || !e.dateOnly) return undefined;
  return Math.round((Date.parse(e.ymd) - Date.parse(s.ymd)) / (DAY * 1000)) + 1;
}

/** `YYYY-MM-DD` range in the user's zone; missing ends default to today and today - (defaultDays - 1). */
export function ymdRange(r: ParsedRange, tz: string, now: number, defaultDays: number): { startdateymd: string; enddateymd: string } {
  const enddateymd = r.end ? toYmd(r.end, tz) : ymdInZone(now, tz);
  const fallback = addDays(enddateymd, -(defaultDays - 1));
  const startdateymd = r.start ? toYmd(r.start, tz) : fallback < "1970-01-01" ? "1970-01-01" : fallback;
  if (startdateymd > enddateymd) throw new InputError("endDate", "endDate is before startDate.");
  return { startdateymd, enddateymd };
}

/** Splits [start, end] into windows of at most `span` seconds (Withings returns 24 h per call). */
export function chunkRange(startdate: number, enddate: number, span = DAY): Array<{ startdate: number; enddate: number }> {
  const out: Array<{ startdate: number; enddate: number }> = [];
  for (let s = startdate; s < enddate || out.length === 0; s += span) {
    out.push({ startdate: s, enddate: Math.min(s + span, enddate) });
  }
  return out;
}

/** A value for messages: short, and readable for numbers JSON cannot show (NaN, Infinity). */
function shown(v: unknown): string {
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export interface IntegerBounds {
  min: number;
  max: number;
  /** What a good value is, replacing "a whole number from min to max", e.g. "1 (real measures) or 2 (objectives)". */
  what?: string;
}

/**
 * A whole number given as a number or a string of decimal digits (spaces around are fine), within
 * [min, max]. Refuses `true`, lists, objects, hex (`0x10`), exponents (`1e3`), fractions, signs and
 * anything past the bounds, naming the prop. Blank values are the caller's to default.
 */
export function parseInteger(v: unknown, prop: string, { min, max, what }: IntegerBounds): number {
  let n: number | undefined;
  if (typeof v === "number" && Number.isSafeInteger(v)) n = v;
  else if (typeof v === "string" && /^\s*\d{1,16}\s*$/.test(v)) n = Number(v);
  if (n === undefined || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(prop, `must be ${what ?? `a whole number from ${min} to ${max}`}, got ${shown(v)}.`);
  }
  return n;
}

/** The most records an action reads in one step. */
export const MAX_RESULTS = 1_000_000;

export function parseMaxResults(v: unknown, prop = "maxResults", fallback = 100): number {
  if (blank(v)) return fallback;
  return parseInteger(v, prop, { min: 1, max: MAX_RESULTS });
}

export function parseDataFields(v: unknown, endpoint: DataFieldEndpoint, prop = "dataFields"): string[] {
  const raw = Array.isArray(v) ? v : blank(v) ? [] : typeof v === "string" ? v.split(",") : [v];
  const bad = raw.find((f) => typeof f !== "string");
  if (bad !== undefined) throw new InputError(prop, `expected data field names, got ${shown(bad)}.`);
  const list = (raw as string[]).map((s) => s.trim()).filter(Boolean);
  if (!list.length) return [...DEFAULT_DATA_FIELDS[endpoint]];
  const allowed: readonly string[] = DATA_FIELDS[endpoint];
  const unknown = list.filter((f) => !allowed.includes(f));
  if (unknown.length) {
    throw new InputError(prop, `unknown data field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; allowed: ${allowed.join(", ")}.`);
  }
  return [...new Set(list)];
}

/** Measure type codes are small numbers, but new ones appear: any positive 32-bit code is passed on. */
const MEASURE_TYPE = { min: 1, max: 2 ** 31 - 1, what: "a list of measure type codes, whole numbers such as 1 (weight)" };

export function parseMeasureTypes(v: unknown, prop = "measureTypes"): number[] | undefined {
  if (blank(v) || (Array.isArray(v) && v.length === 0)) return undefined;
  const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(",").filter((x) => x.trim() !== "") : [v];
  if (!list.length) return undefined;
  return [...new Set(list.map((x) => parseInteger(x, prop, MEASURE_TYPE)))];
}

export function parseTimeZone(v: unknown, prop = "timezone"): string | undefined {
  if (blank(v)) return undefined;
  if (typeof v !== "string" || !isValidTimeZone(v)) {
    throw new InputError(prop, `"${String(v)}" is not an IANA time zone (e.g. Europe/Paris, America/New_York).`);
  }
  return v;
}

export function parseChoice<T extends string>(v: unknown, choices: readonly T[], prop: string, fallback: T): T {
  if (blank(v)) return fallback;
  if (!choices.includes(v as T)) throw new InputError(prop, `must be one of ${choices.join(", ")}, got ${JSON.stringify(v)}.`);
  return v as T;
}
