import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { listByDays } from "../../common/day-list";
import { decodeSleepSummary, type DecodedSleepSummary } from "../../../../common/decode/sleep";

export default defineAction({
  key: "withings-get-sleep-summary",
  name: "Get Sleep Summary",
  description: "Get one summary per night (or nap): time in bed, total sleep, light, deep and REM durations, "
    + "sleep score, heart and respiration rates, snoring, apnea index and more, in a date range or changed "
    + "since a time. Defaults to the last 7 days in the user's time zone. [See the documentation](https://developer.withings.com/api-reference/#tag/sleep/operation/sleepv2-getsummary)",
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
    dataFields: { propDefinition: [withings, "sleepSummaryDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: {
      propDefinition: [withings, "maxResults"],
      description: "Stop after this many nightly summaries, following Withings' pages until then, e.g. `30`.",
    },
  },
  run(opts?: ActionRunOptions): Promise<DecodedSleepSummary[]> {
    return listByDays(this, opts, {
      method: "getSleepSummary", action: "getsummary", list: "series",
      decode: decodeSleepSummary, defaultDays: 7,
      noun: ["sleep summary", "sleep summaries"],
    });
  },
});
