import { InputError } from "./errors";
import { ZoneOffsets } from "./zone-offsets";

/**
 * Date helpers. Withings wants unix seconds on some endpoints and `YYYY-MM-DD` days, local to the
 * user's IANA time zone, on others (getactivity, getworkouts, sleep getsummary).
 */

export const DAY = 86_400;

/** A date as the user typed it: an exact instant, or a wall-clock time in the user's zone. */
export type UserDate =
  | { kind: "instant"; epoch: number }
  | { kind: "local"; ymd: string; secondsOfDay: number; dateOnly: boolean };

/**
 * The dates a user may give: 1970-01-02 to 2099-12-31. Starting a day after the epoch keeps every
 * conversion positive in any time zone (a zone moves a wall time by at most 14 h), and the end keeps
 * every timestamp well inside 32 bits; nothing Withings stores lies outside.
 */
export const EARLIEST_YMD = "1970-01-02";
export const LATEST_YMD = "2099-12-31";
export const EARLIEST_EPOCH = DAY;
/** 2100-01-01T00:00:00Z: instants must come before it. */
export const LATEST_EPOCH = 4_102_444_800;
const RANGE_HINT = `give a date from ${EARLIEST_YMD} to ${LATEST_YMD}`;

const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validYmd(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Parses ISO 8601 (with or without offset), `YYYY-MM-DD`, or unix seconds (number or digits).
 * Throws an InputError naming `prop` for anything else, including millisecond timestamps, fractions of a
 * second and dates outside 1970-01-02 to 2099-12-31.
 */
export function parseUserDate(input: unknown, prop: string): UserDate {
  const date = parseUnbounded(input, prop);
  const inRange = date.kind === "instant"
    ? date.epoch >= EARLIEST_EPOCH && date.epoch < LATEST_EPOCH
    : date.ymd >= EARLIEST_YMD && date.ymd <= LATEST_YMD;
  if (!inRange) throw new InputError(prop, `"${String(input).trim()}" is out of range: ${RANGE_HINT}.`);
  return date;
}

function parseUnbounded(input: unknown, prop: string): UserDate {
  const example = "e.g. 2026-11-20, 2026-11-20T07:30:00+01:00 or 1763620200";
  if (typeof input === "number" || (typeof input === "string" && /^\d+$/.test(input.trim()))) {
    const n = Number(input);
    if (!Number.isSafeInteger(n) || n < 0) throw new InputError(prop, `"${String(input).trim()}" is not whole unix seconds (${example}).`);
    if (n > 1e11) {
      throw new InputError(prop, `${n} looks like milliseconds; give unix seconds (${example}).`);
    }
    return { kind: "instant", epoch: n };
  }
  if (typeof input !== "string" || input.trim() === "") {
    throw new InputError(prop, `expected a date (${example}).`);
  }
  const s = input.trim();
  const ymd = YMD_RE.exec(s);
  if (ymd) {
    if (!validYmd(+ymd[1], +ymd[2], +ymd[3])) throw new InputError(prop, `"${s}" is not a calendar date.`);
    return { kind: "local", ymd: s, secondsOfDay: 0, dateOnly: true };
  }
  const local = LOCAL_RE.exec(s);
  if (local) {
    const [, y, mo, d, h, mi, sec] = local;
    if (!validYmd(+y, +mo, +d) || +h > 23 || +mi > 59 || +(sec ?? 0) > 59) {
      throw new InputError(prop, `"${s}" is not a valid date and time.`);
    }
    return { kind: "local", ymd: `${y}-${mo}-${d}`, secondsOfDay: +h * 3600 + +mi * 60 + +(sec ?? 0), dateOnly: false };
  }
  const zoned = ZONED_RE.exec(s);
  if (zoned) {
    // Checked field by field: Date.parse would roll 2026-02-30 over to 2 March.
    const [, y, mo, d, h, mi, sec, sign, oh, om] = zoned;
    if (!validYmd(+y, +mo, +d) || +h > 23 || +mi > 59 || +(sec ?? 0) > 59 || +(oh ?? 0) > 14 || +(om ?? 0) > 59) {
      throw new InputError(prop, `"${s}" is not a valid date and time.`);
    }
    const offset = sign ? (sign === "-" ? -1 : 1) * (+oh * 3600 + +om * 60) : 0;
    const utc = new Date(0);
    utc.setUTCFullYear(+y, +mo - 1, +d); // not Date.UTC: it reads years 0-99 as 1900-1999
    utc.setUTCHours(+h, +mi, +(sec ?? 0), 0);
    return { kind: "instant", epoch: utc.getTime() / 1000 - offset };
  }
  throw new InputError(prop, `"${s}" is not a date Withings can use (${example}).`);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock parts of `epoch` in `tz`, from Intl (slow: about 10 µs a call). */
function intlParts(epoch: number, tz: string) {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    partsFormatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(new Date(epoch * 1000))) {
    if (type !== "literal") p[type] = Number(value);
  }
  return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

function exactOffset(epoch: number, tz: string): number {
  const p = intlParts(epoch, tz);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) / 1000 - Math.floor(epoch);
}

const zones = new Map<string, ZoneOffsets>();

/** Offset of `tz` from UTC at `epoch`, in seconds (east positive). */
export function zoneOffsetSeconds(epoch: number, tz: string): number {
  let z = zones.get(tz);
  if (!z) zones.set(tz, (z = new ZoneOffsets((t) => exactOffset(t, tz))));
  return z.offset(epoch);
}

/** Wall-clock parts of `epoch` in `tz`. */
function zonedParts(epoch: number, tz: string) {
  const d = new Date((Math.floor(epoch) + zoneOffsetSeconds(epoch, tz)) * 1000);
  return {
    y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(),
    h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");

/** The `YYYY-MM-DD` day that `epoch` falls on in `tz`. */
export function ymdInZone(epoch: number, tz: string): string {
  const p = zonedParts(epoch, tz);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

/** ISO 8601 with the zone's offset, e.g. `2026-11-20T07:42:00+01:00`. */
export function isoInZone(epoch: number, tz: string): string {
  const p = zonedParts(epoch, tz);
  const off = Math.round((Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) / 1000 - Math.floor(epoch)) / 60);
  const sign = off < 0 ? "-" : "+";
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** Short human form for summaries: `2026-11-20 07:42`. */
export function shortInZone(epoch: number, tz: string): string {
  return isoInZone(epoch, tz).slice(0, 16).replace("T", " ");
}

/** Epoch seconds of a wall-clock time in `tz` (DST-safe for all but the skipped hour). */
export function zonedEpoch(ymd: string, secondsOfDay: number, tz: string): number {
  const [y, m, d] = ymd.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d) / 1000 + secondsOfDay;
  const first = guess - zoneOffsetSeconds(guess, tz);
  return guess - zoneOffsetSeconds(first, tz);
}

/** How far from a day's wall-clock midnight (read as UTC) its first instant can be: offsets span -12 h to +14 h. */
const DAY_SEARCH = 16 * 3600;

/**
 * The first instant whose local date is `ymd`, given the zone's offset at any instant (pure: the caller picks
 * a fast or an exact offset). Where daylight saving time starts at midnight (Santiago, Havana, the Azores...)
 * 00:00 does not exist and the day starts at 01:00; where it ends at midnight the day starts at the first
 * 00:00. Assumes at most one offset change within the 32 hours around the day's midnight (true of every zone).
 */
export function dayStartWith(ymd: string, offsetAt: (epoch: number) => number): number {
  const [y, m, d] = ymd.split("-").map(Number);
  const midnight = Date.UTC(y, m - 1, d) / 1000;
  const from = midnight - DAY_SEARCH;
  const to = midnight + DAY_SEARCH;
  const before = offsetAt(from);
  const after = offsetAt(to);
  // The instants [a, b) with offset o show the local times [a + o, b + o): the day is [midnight, midnight + DAY).
  const spans: Array<[number, number, number]> = [];
  if (before === after) {
    spans.push([from, to, before]);
  } else {
    let lo = from;
    let hi = to;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    spans.push([from, hi, before], [hi, to, after]);
  }
  // The first instant showing a local time at or past the day's midnight. A day a zone skips (Apia's
  // 2011-12-30) is empty: it starts where the next one does.
  for (const [a, b, o] of spans) {
    const start = Math.max(a, midnight - o);
    if (start < b) return start;
  }
  return midnight - after;
}

/** The first instant of the local day `ymd` in `tz`. */
export function dayStart(ymd: string, tz: string): number {
  return dayStartWith(ymd, (t) => zoneOffsetSeconds(t, tz));
}

/** Adds whole days to a `YYYY-MM-DD`. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Converts a user date to unix seconds; a date-only end means the end of that day. */
export function toEpoch(date: UserDate, tz: string, end = false): number {
  if (date.kind === "instant") return date.epoch;
  if (date.dateOnly) return end ? dayStart(addDays(date.ymd, 1), tz) - 1 : dayStart(date.ymd, tz);
  return zonedEpoch(date.ymd, date.secondsOfDay, tz);
}

/** Converts a user date to the user's `YYYY-MM-DD`. */
export function toYmd(date: UserDate, tz: string): string {
  return date.kind === "instant" ? ymdInZone(date.epoch, tz) : date.ymd;
}

export const nowEpoch = (): number => Math.floor(Date.now() / 1000);
