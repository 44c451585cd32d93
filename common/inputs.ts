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
  const startdate = r.start ? toEpoch(r.start, tz) : enddate - defaultSpan;
  if (startdate > enddate) throw new InputError("endDate", "endDate is before startDate.");
  if (limit && enddate - startdate > limit.maxSpan + (limit.slack ?? 0)) {
    throw new InputError("endDate", `the range covers about ${Math.ceil((enddate - startdate) / DAY)} days, longer `
      + `than ${Math.round(limit.maxSpan / DAY)} days. ${limit.hint}`);
  }
  return { startdate, enddate };
}

/** `YYYY-MM-DD` range in the user's zone; missing ends default to today and today - (defaultDays - 1). */
export function ymdRange(r: ParsedRange, tz: string, now: number, defaultDays: number): { startdateymd: string; enddateymd: string } {
  const enddateymd = r.end ? toYmd(r.end, tz) : ymdInZone(now, tz);
  const startdateymd = r.start ? toYmd(r.start, tz) : addDays(enddateymd, -(defaultDays - 1));
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

export function parseMaxResults(v: unknown, prop = "maxResults", fallback = 100): number {
  if (blank(v)) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InputError(prop, `must be a whole number of 1 or more, got ${JSON.stringify(v)}.`);
  return n;
}

export function parseDataFields(v: unknown, endpoint: DataFieldEndpoint, prop = "dataFields"): string[] {
  if (blank(v) || (Array.isArray(v) && v.length === 0)) return [...DEFAULT_DATA_FIELDS[endpoint]];
  const list = Array.isArray(v) ? v.map(String) : String(v).split(",").map((s) => s.trim()).filter(Boolean);
  const allowed: readonly string[] = DATA_FIELDS[endpoint];
  const unknown = list.filter((f) => !allowed.includes(f));
  if (unknown.length) {
    throw new InputError(prop, `unknown data field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; allowed: ${allowed.join(", ")}.`);
  }
  return [...new Set(list)];
}

export function parseMeasureTypes(v: unknown, prop = "measureTypes"): number[] | undefined {
  if (blank(v) || (Array.isArray(v) && v.length === 0)) return undefined;
  const list = Array.isArray(v) ? v : String(v).split(",");
  const out = list.map((x) => {
    const n = Number(typeof x === "string" ? x.trim() : x);
    if (!Number.isInteger(n) || n <= 0) throw new InputError(prop, `"${x}" is not a measure type code (e.g. 1 for weight).`);
    return n;
  });
  return [...new Set(out)];
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
