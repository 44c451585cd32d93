import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { listByDays } from "../../common/day-list";
import { decodeWorkout, type DecodedWorkout } from "../../../../common/decode/workouts";

export default defineAction({
  key: "withings-get-workouts",
  name: "Get Workouts",
  description: "Get workouts (walks, runs, rides, swims and 150 other categories) with category names, start and end "
    + "times in the workout's time zone, duration, calories, distance and heart rate, for a range of days in the "
    + "user's time zone or changed since a time. Defaults to the last 30 days. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getworkouts)",
  version: "0.0.1",
  type: "action",
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    openWorldHint: true,
  },
  props: {
    withings,
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    lastUpdate: { propDefinition: [withings, "lastUpdate"] },
    dataFields: { propDefinition: [withings, "workoutDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: { propDefinition: [withings, "maxResults"] },
  },
  run(opts?: ActionRunOptions): Promise<DecodedWorkout[]> {
    return listByDays(this, opts, {
      method: "getWorkouts", action: "getworkouts", list: "series",
      decode: decodeWorkout, defaultDays: 30,
      noun: ["workout"],
    });
  },
});
