import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { listByDays } from "../../common/day-list";
import { decodeActivity, type DecodedActivity } from "../../../../common/decode/activity";

export default defineAction({
  key: "withings-get-daily-activity",
  name: "Get Daily Activity",
  description: "Get daily activity totals (steps, distance, floors, active time, calories, heart-rate zones): one "
    + "record per day and per source (Withings device or phone app), for a range of days in the user's time zone or "
    + "changed since a time. Defaults to the last 7 days, today included. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getactivity)",
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
    dataFields: { propDefinition: [withings, "activityDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: { propDefinition: [withings, "maxResults"] },
  },
  run(opts?: ActionRunOptions): Promise<DecodedActivity[]> {
    return listByDays(this, opts, {
      method: "getActivity", action: "getactivity", list: "activities",
      decode: decodeActivity, defaultDays: 7,
      noun: ["daily activity record"],
    });
  },
});
