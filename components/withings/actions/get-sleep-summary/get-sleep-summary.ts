import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { collect } from "../../../../common/paginate";
import { READ_ONLY, dayWindow, describeDays, plural, stepOf, validate } from "../../common/component";
import { decodeSleepSummary, type DecodedSleepSummary } from "../../../../common/decode/sleep";
import { parseDataFields, parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
import type { GetSleepSummaryBody, SleepSummary } from "../../../../common/types";

export default defineAction({
  key: "withings-get-sleep-summary",
  name: "Get Sleep Summary",
  description: "Get one summary per night (or nap): time in bed, total sleep, light, deep and REM durations, "
    + "sleep score, heart and respiration rates, snoring, apnea index and more, in a date range or changed "
    + "since a time. Defaults to the last 7 days in the user's time zone. [See the documentation](https://developer.withings.com/api-reference/#tag/sleep/operation/sleepv2-getsummary)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
  props: {
    withings,
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    lastUpdate: { propDefinition: [withings, "lastUpdate"] },
    dataFields: { propDefinition: [withings, "sleepSummaryDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: {
      propDefinition: [withings, "maxResults"],
      description: "Stop after this many nightly summaries, following Withings' pages until then, e.g. `30`.",
    },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedSleepSummary[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this, { allowLastUpdate: true }),
      // Always sent: without data_fields Withings leaves out heart rate, score and snoring.
      fields: parseDataFields(this.dataFields, "getsummary"),
      zone: parseTimeZone(this.timezone),
      max: parseMaxResults(this.maxResults),
    }));
    // Withings counts days in the user's zone: "today" and exact instants need it.
    const { zone, dates } = await dayWindow(this.withings, $, input.range, input.zone, 7);

    const args = { $, ...dates, data_fields: input.fields };
    const nights = await collect<SleepSummary>(
      this.withings.paginate(this.withings.getSleepSummary, args, (body: GetSleepSummaryBody) => body.series, "getsummary"), input.max);
    const out = nights.map((n) => decodeSleepSummary(n, zone));
    $.export("$summary", `Retrieved ${plural(out.length, "sleep summary", "sleep summaries")} ${describeDays(dates)}`);
    return out;
  },
});
