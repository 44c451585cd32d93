import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { collect } from "../../../../common/paginate";
import { READ_ONLY, dayWindow, describeDays, plural, stepOf, validate } from "../../common/component";
import { decodeActivity, type DecodedActivity } from "../../../../common/decode/activity";
import { parseDataFields, parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
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
    // Withings counts days in the user's zone: "today" and exact instants need it.
    const { zone, dates } = await dayWindow(this.withings, $, input.range, input.zone, 7);

    const args = { $, ...dates, data_fields: input.fields };
    const rows = await collect<Activity>(
      this.withings.paginate(this.withings.getActivity, args, (body: GetActivityBody) => body.activities, "getactivity"), input.max);
    const out = rows.map((a) => decodeActivity(a, zone));
    $.export("$summary", `Retrieved ${plural(out.length, "daily activity record")} ${describeDays(dates)}`);
    return out;
  },
});
