import { addDays, ymdInZone } from "../common/dates";
import type { Activity } from "../common/types";
import { hexId } from "./random";
import type { Store } from "./store";
import type { ActivityInput } from "./types";

/**
 * Fills a user with N new records of one kind, all stored "now" (so every one of them is newer than a
 * source's cursor), measured an hour apart before now (activity: a day apart), as if a device had been
 * offline that long and just synced. Advance the clock by N hours after deploying a source first: heart
 * list filters on the recording time, so ECGs older than the source's cursor would not be a backlog.
 * Used to test and measure catching up.
 */
export const BACKLOG_SPACING = 3600;
export type BacklogKind = "weight" | "blood-pressure" | "activity" | "workout" | "sleep-summary" | "ecg" | "stetho";

/** Which backlog each polling source reads. */
export const BACKLOG_OF_SOURCE: Readonly<Record<string, BacklogKind>> = {
  "new-measurement": "weight",
  "new-weigh-in": "weight",
  "new-blood-pressure-reading": "blood-pressure",
  "new-daily-activity": "activity",
  "new-workout": "workout",
  "new-sleep-summary": "sleep-summary",
  "new-ecg-recording": "ecg",
  "new-stethoscope-recording": "stetho",
};

/** Adds `n` records of `kind`. */
export function addBacklog(store: Store, userid: string, kind: BacklogKind, n: number, now: number): void {
  const tz = store.timezone(userid);
  const at = (i: number) => now - 600 - i * BACKLOG_SPACING;
  switch (kind) {
    case "weight":
      // One group per weigh-in (a Body+ scale): one event each.
      for (let i = 0; i < n; i++) {
        store.addMeasureGroup(userid, { date: at(i), attrib: 0, deviceid: "b0d1e5ca1e0000000000000000000000000000b1", measures: [{ value: 70000 + (i % 5000), type: 1, unit: -3 }] });
      }
      return;
    case "blood-pressure":
      for (let i = 0; i < n; i++) store.addBloodPressure(userid, { date: at(i), systolic: 110 + (i % 30), diastolic: 75, pulse: 60 });
      return;
    case "activity": {
      // Finished days before today, one row each.
      const yesterday = addDays(ymdInZone(now, tz), -1);
      const rows = Array.from({ length: n }, (_, i) => ({ date: addDays(yesterday, -i), steps: 5000 + (i % 7000) }));
      importActivities(store, userid, rows, now);
      return;
    }
    case "workout":
      for (let i = 0; i < n; i++) store.addWorkout(userid, { startdate: at(i) - 1800, enddate: at(i), category: 1 });
      return;
    case "sleep-summary":
      for (let i = 0; i < n; i++) store.addSleepSummary(userid, { startdate: at(i) - 2400, enddate: at(i) });
      return;
    case "ecg":
      for (let i = 0; i < n; i++) store.addEcg(userid, { timestamp: at(i) });
      return;
    case "stetho":
      for (let i = 0; i < n; i++) store.addStetho(userid, { timestamp: at(i) });
      return;
  }
}

/** Appends many activity days at once: no duplicate check (the dates are distinct), no notification. */
function importActivities(store: Store, userid: string, rows: readonly ActivityInput[], modified: number): void {
  store.version += 1;
  const u = store.user(userid);
  const watch = hexId("device", userid, 93);
  for (const { source: _source, ...row } of rows) {
    u.activities.push({
      deviceid: watch, hash_deviceid: watch, brand: 1, is_tracker: true, model: "ScanWatch", modelid: 93,
      timezone: u.timezone, ...row, modified,
    } as Activity);
  }
}
