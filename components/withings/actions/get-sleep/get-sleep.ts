import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { epochWindow, plural, stepOf, validate } from "../../common/component";
import {
  asleepSeconds, decodeSleepSegment, formatDuration, mergeSleepSegments, type DecodedSleepSegment,
} from "../../../../common/decode/sleep";
import { chunkRange, parseDataFields, parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
import { DAY, shortInZone } from "../../../../common/dates";
import { listOf } from "../../../../common/shape";
import type { GetSleepBody, SleepSegment } from "../../../../common/types";

/** Withings answers 24 h per call; a week is 7 sequential calls, which is as far as this action goes. */
const LIMIT = {
  maxSpan: 7 * DAY,
  hint: "Withings returns sleep data 24 h per call, so this action reads at most 7 days at a time. Narrow the "
    + "range, or use Get Sleep Summary for nightly totals over longer periods.",
};

export default defineAction({
  key: "withings-get-sleep",
  name: "Get Sleep",
  description: "Get high-frequency sleep data: each sleep segment (awake, light, deep, REM) with its heart rate, "
    + "respiration rate, snoring and other readings over time. Defaults to the last 24 hours; ranges up to 7 "
    + "days are read 24 hours at a time. [See the documentation](https://developer.withings.com/api-reference/#tag/sleep/operation/sleepv2-get)",
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
    endDate: {
      propDefinition: [withings, "endDate"],
      description: "End of the period, same formats as Start Date, e.g. `2026-11-20T08:00:00Z`. A date without a "
        + "time includes that whole day. At most 7 days after Start Date. Defaults to now.",
    },
    dataFields: { propDefinition: [withings, "sleepDataFields"] },
    timezone: {
      propDefinition: [withings, "timezone"],
      description: "IANA time zone of the Withings user, e.g. `Europe/Paris`, used to read dates without an "
        + "offset and to show the segment times. Leave empty to use UTC (or the account's zone when a date needs it).",
    },
    maxResults: {
      propDefinition: [withings, "maxResults"],
      description: "Stop after this many sleep segments (a night has roughly 20 to 60), e.g. `300`.",
    },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedSleepSegment[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this),
      zone: parseTimeZone(this.timezone),
      fields: parseDataFields(this.dataFields, "sleepget"),
      max: parseMaxResults(this.maxResults),
    }));
    const { tz, window } = await epochWindow(this.withings, $, input.range, input.zone, DAY, LIMIT);

    // Segments that span two 24 h calls come back twice; merging as we go also tells when the cap is reached.
    let merged: SleepSegment[] = [];
    for (const chunk of chunkRange(window.startdate, window.enddate, DAY)) {
      const body: GetSleepBody = await this.withings.getSleep({ $, ...chunk, data_fields: input.fields });
      merged = mergeSleepSegments([merged, listOf<SleepSegment>(body, "series", "get")]);
      if (merged.length >= input.max) break;
    }
    const out = merged.slice(0, input.max).map((s) => decodeSleepSegment(s, tz));
    const asleep = formatDuration(asleepSeconds(out));
    $.export("$summary", `Retrieved ${plural(out.length, "sleep segment")} (${asleep} asleep) from `
      + `${shortInZone(window.startdate, tz)} to ${shortInZone(window.enddate, tz)} ${tz}`);
    return out;
  },
});
