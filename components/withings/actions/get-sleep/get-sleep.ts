import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { READ_ONLY, plural, stepOf, validate, zoneFor } from "../../common/component";
import {
  asleepSeconds, decodeSleepSegment, formatDuration, mergeSleepSegments, type DecodedSleepSegment,
} from "../../../../common/decode/sleep";
import { chunkRange, epochRange, parseDataFields, parseMaxResults, parseRange, parseTimeZone, rangeNeedsZone } from "../../../../common/inputs";
import { InputError } from "../../../../common/errors";
import { DAY, nowEpoch, shortInZone } from "../../../../common/dates";
import type { GetSleepBody, SleepSegment } from "../../../../common/types";

/** Withings answers 24 h per call; a week is 7 sequential calls, which is as far as this action goes. */
const MAX_SPAN = 7 * DAY;

function checkSpan(r: { startdate: number; enddate: number }, slack = 0): void {
  if (r.enddate - r.startdate > MAX_SPAN + slack) {
    const days = Math.ceil((r.enddate - r.startdate) / DAY);
    throw new InputError("endDate", `the range covers about ${days} days, but Withings returns sleep data 24 h per `
      + "call, so this action reads at most 7 days at a time. Narrow the range, or use Get Sleep Summary for "
      + "nightly totals over longer periods.");
  }
}

export default defineAction({
  key: "withings-get-sleep",
  name: "Get Sleep",
  description: "Get high-frequency sleep data: each sleep segment (awake, light, deep, REM) with its heart rate, "
    + "respiration rate, snoring and other readings over time. Defaults to the last 24 hours; ranges up to 7 "
    + "days are read 24 hours at a time. [See the documentation](https://developer.withings.com/api-reference/#tag/sleep/operation/sleepv2-get)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
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
    const now = nowEpoch();
    const input = validate(() => {
      const range = parseRange(this);
      const zone = parseTimeZone(this.timezone);
      // Before any request: exact when no zone is missing, else within the ±14 h a zone can move a date.
      const missingZone = !zone && rangeNeedsZone(range, "epoch", false);
      checkSpan(epochRange(range, zone ?? "UTC", now, DAY), missingZone ? 14 * 3600 : 0);
      return {
        range,
        zone,
        fields: parseDataFields(this.dataFields, "sleepget"),
        max: parseMaxResults(this.maxResults),
      };
    });
    const zone = await zoneFor(this.withings, $, input.zone, rangeNeedsZone(input.range, "epoch", false));
    const tz = zone ?? "UTC";
    const window = validate(() => {
      const w = epochRange(input.range, tz, now, DAY);
      checkSpan(w);
      return w;
    });

    const batches: SleepSegment[][] = [];
    for (const chunk of chunkRange(window.startdate, window.enddate, DAY)) {
      const body: GetSleepBody = await this.withings.getSleep({ $, ...chunk, data_fields: input.fields });
      batches.push(Array.isArray(body.series) ? body.series : []);
      if (mergeSleepSegments(batches).length >= input.max) break;
    }
    const out = mergeSleepSegments(batches).slice(0, input.max).map((s) => decodeSleepSegment(s, tz));
    const asleep = formatDuration(asleepSeconds(out));
    $.export("$summary", `Retrieved ${plural(out.length, "sleep segment")} (${asleep} asleep) from `
      + `${shortInZone(window.startdate, tz)} to ${shortInZone(window.enddate, tz)} ${tz}`);
    return out;
  },
});
