import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { READ_ONLY, plural, stepOf, validate, zoneFor } from "../../common/component";
import { decodeActivity, type DecodedActivity } from "../../../../common/decode/activity";
import { parseDataFields, parseMaxResults, parseRange, parseTimeZone, rangeNeedsZone, ymdRange } from "../../../../common/inputs";
import { nowEpoch } from "../../../../common/dates";
import type { Activity, GetActivityBody } from "../../../../common/types";

export default defineAction({
  key: "withings-get-daily-activity",
  name: "Get Daily Activity",
  description: "Get daily activity totals (steps, distance, floors, active time, calories, heart-rate zones): one "
    + "record per day and per source (Withings device or phone app), for a range of days in the user's time zone or "
    + "changed since a time. Defaults to the last 7 days, today included. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getactivity)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
  props: {
    withings,
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    lastUpdate: { propDefinition: [withings, "lastUpdate"] },
    dataFields: { propDefinition: [withings, "activityDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: { propDefinition: [withings, "maxResults"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedActivity[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this, { allowLastUpdate: true }),
      fields: parseDataFields(this.dataFields, "getactivity"),
      zone: parseTimeZone(this.timezone),
      max: parseMaxResults(this.maxResults),
    }));
    const { range } = input;
    // Withings counts days in the user's zone: "today" and instants need it.
    const zone = await zoneFor(this.withings, $, input.zone, rangeNeedsZone(range, "ymd", true));
    const dates = range.lastUpdate !== undefined
      ? { lastupdate: range.lastUpdate }
      : validate(() => ymdRange(range, zone ?? "UTC", nowEpoch(), 7));

    const rows: Activity[] = [];
    const args = { $, ...dates, data_fields: input.fields };
    for await (const body of this.withings.pages(this.withings.getActivity, args, "getactivity") as AsyncIterable<GetActivityBody>) {
      for (const a of body.activities ?? []) {
        if (rows.length < input.max) rows.push(a);
      }
      if (rows.length >= input.max) break;
    }
    const out = rows.map((a) => decodeActivity(a, zone));
    const span = "lastupdate" in dates
      ? `changed since ${new Date(dates.lastupdate * 1000).toISOString()}`
      : `from ${dates.startdateymd} to ${dates.enddateymd}`;
    $.export("$summary", `Retrieved ${plural(out.length, "daily activity record")} ${span}`);
    return out;
  },
});
