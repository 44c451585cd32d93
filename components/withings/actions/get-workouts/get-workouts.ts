import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { collect } from "../../../../common/paginate";
import { READ_ONLY, dayWindow, describeDays, plural, stepOf, validate } from "../../common/component";
import { decodeWorkout, type DecodedWorkout } from "../../../../common/decode/workouts";
import { parseDataFields, parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
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
    // Withings counts days in the user's zone: "today" and exact instants need it.
    const { zone, dates } = await dayWindow(this.withings, $, input.range, input.zone, 30);

    const args = { $, ...dates, data_fields: input.fields };
    const rows = await collect<Workout>(
      this.withings.paginate(this.withings.getWorkouts, args, (body: GetWorkoutsBody) => body.series, "getworkouts"), input.max);
    const out = rows.map((w) => decodeWorkout(w, zone));
    $.export("$summary", `Retrieved ${plural(out.length, "workout")} ${describeDays(dates)}`);
    return out;
  },
});
