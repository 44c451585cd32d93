import { addDays, dayStart } from "../../../../common/dates";
import type { DecodedActivity } from "../../../../common/decode/activity";
import { deviceKey } from "./events";

/**
 * Days of activity that had not ended in the user's time zone when they were read. New Daily Activity keeps the
 * latest version of each (a few hundred bytes; one per device for today) in its db and emits it once the day is
 * over, so that an idle run never has to read today again. Only the rows are stored: a day's key and end are
 * derived from them.
 */

/** Start and end of an activity's day (first instants of it and of the next), unix seconds, in its own zone (UTC when it has none). */
export function dayBounds(a: DecodedActivity): { start: number; end: number } {
  const tz = a.timezone ?? "UTC";
  return { start: dayStart(a.date, tz), end: dayStart(addDays(a.date, 1), tz) };
}

/** `<date>|<device>`: one held row per day and device. */
export function dayKey(a: DecodedActivity): string {
  return `${a.date}|${deviceKey(a.deviceid, a.modelid)}`;
}

/** Reads the stored rows, dropping anything malformed rather than failing on it. */
export function storedPendingDays(v: unknown): DecodedActivity[] {
  if (!Array.isArray(v)) return [];
  return v.filter((a): a is DecodedActivity => !!a && typeof a === "object" && typeof a.date === "string"
    && /^\d{4}-\d{2}-\d{2}$/.test(a.date));
}

/** One row per day and device, keeping the most recently modified version. */
export function mergePendingDays(...lists: ReadonlyArray<readonly DecodedActivity[]>): DecodedActivity[] {
  const byKey = new Map<string, DecodedActivity>();
  for (const a of lists.flat()) {
    const held = byKey.get(dayKey(a));
    if (!held || (a.modified ?? 0) >= (held.modified ?? 0)) byKey.set(dayKey(a), a);
  }
  return [...byKey.values()];
}
