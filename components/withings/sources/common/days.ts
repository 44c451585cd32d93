import { addDays, zonedEpoch } from "../../../../common/dates";
import type { DecodedActivity } from "../../../../common/decode/activity";
import { deviceKey } from "./events";

/**
 * A day of activity that has not ended yet in the user's time zone. The source keeps the latest version
 * it read (a few hundred bytes; one per device for today) and emits it once the day is over, so that an
 * idle run never has to read today again.
 */
export interface PendingDay {
  /** `<date>|<device>`: one entry per day and device. */
  key: string;
  /** Unix seconds at which the day ends (midnight after it, in its zone). */
  end: number;
  activity: DecodedActivity;
}

/** Start and end of an activity's day, unix seconds, in its own zone (UTC when it has none). */
export function dayBounds(a: DecodedActivity): { start: number; end: number } {
  const tz = a.timezone ?? "UTC";
  return { start: zonedEpoch(a.date, 0, tz), end: zonedEpoch(addDays(a.date, 1), 0, tz) };
}

export function pendingDay(a: DecodedActivity): PendingDay {
  return { key: `${a.date}|${deviceKey(a.deviceid, a.modelid)}`, end: dayBounds(a).end, activity: a };
}

/** Reads the stored list, dropping anything malformed rather than failing on it. */
export function storedPendingDays(v: unknown): PendingDay[] {
  if (!Array.isArray(v)) return [];
  return v.filter((p): p is PendingDay => !!p && typeof p.key === "string" && Number.isFinite(p.end)
    && !!p.activity && typeof p.activity === "object" && typeof p.activity.date === "string");
}

/** One entry per key, keeping the most recently modified version. */
export function mergePendingDays(...lists: ReadonlyArray<readonly PendingDay[]>): PendingDay[] {
  const byKey = new Map<string, PendingDay>();
  for (const p of lists.flat()) {
    const held = byKey.get(p.key);
    if (!held || (p.activity.modified ?? 0) >= (held.activity.modified ?? 0)) byKey.set(p.key, p);
  }
  return [...byKey.values()];
}
