import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { READ_ONLY, plural, stepOf, validate, zoneFor } from "../../common/component";
import { decodeWorkout, type DecodedWorkout } from "../../../../common/decode/workouts";
import { parseDataFields, parseMaxResults, parseRange, parseTimeZone, rangeNeedsZone, ymdRange } from "../../../../common/inputs";
import { nowEpoch } from "../../../../common/dates";
import type { GetWorkoutsBody, Workout } from "../../../../common/types";

export default defineAction({
  key: "withings-get-workouts",
  name: "Get Workouts",
  description: "Get workouts (walks, runs, rides, swims and 150 other categories) with category names, start and end "
    + "times in the workout's time zone, duration, calories, distance and heart rate, for a range of days in the "
    + "user's time zone or changed since a time. Defaults to the last 30 days. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getworkouts)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
  props: {
    withings,
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    lastUpdate: { propDefinition: [withings, "lastUpdate"] },
    dataFields: { propDefinition: [withings, "workoutDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: { propDefinition: [withings, "maxResults"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedWorkout[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this, { allowLastUpdate: true }),
      fields: parseDataFields(this.dataFields, "getworkouts"),
      zone: parseTimeZone(this.timezone),
      max: parseMaxResults(this.maxResults),
    }));
    const { range } = input;
    const zone = await zoneFor(this.withings, $, input.zone, rangeNeedsZone(range, "ymd", true));
    const dates = range.lastUpdate !== undefined
      ? { lastupdate: range.lastUpdate }
      : validate(() => ymdRange(range, zone ?? "UTC", nowEpoch(), 30));

    const rows: Workout[] = [];
    const args = { $, ...dates, data_fields: input.fields };
    for await (const body of this.withings.pages(this.withings.getWorkouts, args, "getworkouts") as AsyncIterable<GetWorkoutsBody>) {
      for (const w of body.series ?? []) {
        if (rows.length < input.max) rows.push(w);
      }
      if (rows.length >= input.max) break;
    }
    const out = rows.map((w) => decodeWorkout(w, zone));
    const span = "lastupdate" in dates
      ? `changed since ${new Date(dates.lastupdate * 1000).toISOString()}`
      : `from ${dates.startdateymd} to ${dates.enddateymd}`;
    $.export("$summary", `Retrieved ${plural(out.length, "workout")} ${span}`);
    return out;
  },
});
