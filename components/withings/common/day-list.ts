import type { ActionRunOptions } from "@pipedream/types";
import { collect } from "../../../common/paginate";
import { nowEpoch } from "../../../common/dates";
import {
  parseDataFields, parseMaxResults, parseRange, parseTimeZone, rangeNeedsZone, ymdRange, type ParsedRange,
} from "../../../common/inputs";
import { plural, stepOf, validate, zoneFor } from "./component";

type DayWindow = { lastupdate: number } | { startdateymd: string; enddateymd: string };

/**
 * The dates of a `YYYY-MM-DD` endpoint (getactivity, getworkouts, getsummary): `lastupdate` when given, else a
 * day range in the user's zone, by default the last `defaultDays` days with today included.
 */
async function dayWindow(app: { getUserTimezone(a: { $?: unknown }): Promise<string> }, $: unknown,
  range: ParsedRange, explicitZone: string | undefined, defaultDays: number): Promise<{ zone?: string; dates: DayWindow }> {
  const zone = await zoneFor(app, $, explicitZone, rangeNeedsZone(range, "ymd"));
  const dates: DayWindow = range.lastUpdate !== undefined
    ? { lastupdate: range.lastUpdate }
    : validate(() => ymdRange(range, zone ?? "UTC", nowEpoch(), defaultDays));
  return { zone, dates };
}

/** "from 2026-11-14 to 2026-11-20" or "changed since 2026-11-20T00:00:00.000Z", for summaries. */
function describeDays(dates: DayWindow): string {
  return "lastupdate" in dates
    ? `changed since ${new Date(dates.lastupdate * 1000).toISOString()}`
    : `from ${dates.startdateymd} to ${dates.enddateymd}`;
}

/** What the day-range list actions (getactivity, getworkouts, sleep getsummary) differ in. */
export interface DayListSpec<T, D> {
  /** App method, e.g. `getActivity`. */
  method: string;
  /** Withings action; also names the endpoint's `data_fields` list. */
  action: "getactivity" | "getworkouts" | "getsummary";
  /** The list in each page, e.g. `activities`; checked with `listOf`. */
  list: string;
  decode: (row: T, zone?: string) => D;
  defaultDays: number;
  /** Summary noun, singular and plural. */
  noun: [string, string?];
}

/**
 * The whole run of a day-range list action: validate every prop, resolve the days (`YYYY-MM-DD` in the
 * user's zone, or `lastupdate`), follow pages up to Max Results, decode, and export the summary.
 */
export async function listByDays<T, D>(self: any, opts: ActionRunOptions | undefined,
  spec: DayListSpec<T, D>): Promise<D[]> {
  const $ = stepOf(opts);
  const input = validate(() => ({
    range: parseRange(self, { allowLastUpdate: true }),
    // Always sent: without data_fields Withings leaves fields out (sleep summaries lose heart rate, score, snoring).
    fields: parseDataFields(self.dataFields, spec.action),
    zone: parseTimeZone(self.timezone),
    max: parseMaxResults(self.maxResults),
  }));
  // Withings counts days in the user's zone: "today" and exact instants need it.
  const { zone, dates } = await dayWindow(self.withings, $, input.range, input.zone, spec.defaultDays);
  const args = { $, ...dates, data_fields: input.fields };
  const rows = await collect<T>(self.withings.paginate(self.withings[spec.method], args, spec.list, spec.action), input.max);
  const out = rows.map((row) => spec.decode(row, zone));
  $.export("$summary", `Retrieved ${plural(out.length, ...spec.noun)} ${describeDays(dates)}`);
  return out;
}
