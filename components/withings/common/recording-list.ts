import type { ActionRunOptions } from "@pipedream/types";
import { collect } from "../../../common/paginate";
import { DAY, ymdInZone } from "../../../common/dates";
import { parseMaxResults, parseRange, parseTimeZone } from "../../../common/inputs";
import { epochWindow, plural, stepOf, validate } from "./component";

/** What the recording lists (Heart v2 List, Stetho v2 List) differ in. */
export interface RecordingListSpec<T, D> {
  /** App method, e.g. `listHeartRecords`. */
  method: "listHeartRecords" | "listStethoRecords";
  decode: (row: T, zone: string) => D;
  /** For the summary, e.g. "ECG recording". */
  noun: string;
}

/**
 * The run of a recording list: a unix-seconds range (default the last 30 days) in the user's zone, every
 * page up to Max Results, each recording decoded in that zone.
 */
export async function runRecordingList<T, D>(self: any, opts: ActionRunOptions | undefined,
  spec: RecordingListSpec<T, D>): Promise<D[]> {
  const $ = stepOf(opts);
  const input = validate(() => ({
    range: parseRange(self),
    zone: parseTimeZone(self.timezone),
    max: parseMaxResults(self.maxResults),
  }));
  const { tz, window: dates } = await epochWindow(self.withings, $, input.range, input.zone, 30 * DAY);
  const records = await collect<T>(
    self.withings.paginate(self.withings[spec.method], { $, ...dates }, "series", "list"), input.max);
  const out = records.map((r) => spec.decode(r, tz));
  const day = (epoch: number) => ymdInZone(epoch, tz);
  $.export("$summary", `Retrieved ${plural(out.length, spec.noun)} from ${day(dates.startdate)} to ${day(dates.enddate)}`);
  return out;
}
