import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { epochWindow, plural, stepOf, validate } from "../../common/component";
import { decodeIntradaySeries, type IntradayPoint } from "../../../../common/decode/intraday";
import { chunkRange, parseDataFields, parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
import { DAY, shortInZone } from "../../../../common/dates";
import { recordOf } from "../../../../common/shape";
import type { GetIntradayBody, IntradayPoint as IntradaySample } from "../../../../common/types";

/** One call per 24 h window; past a week that is too many calls for one step and too much data. */
const LIMIT = {
  maxSpan: 7 * DAY,
  hint: "Withings returns intraday data 24 hours per call, so ask for at most 7 days at a time "
    + "(e.g. startDate 2026-11-14, endDate 2026-11-20).",
};
const DEFAULT_MAX_POINTS = 1440;

export default defineAction({
  key: "withings-get-intraday-activity",
  name: "Get Intraday Activity",
  description: "Get minute-level activity samples (steps, heart rate, SpO2, calories, distance, floors and more), "
    + "sorted by time, for up to 7 days. Withings returns 24 hours per call, so longer ranges are fetched day by "
    + "day. Defaults to the last 24 hours. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getintradayactivity)",
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
    dataFields: { propDefinition: [withings, "intradayDataFields"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: {
      type: "integer",
      label: "Max Points",
      description: "Stop after this many samples, e.g. `1440` (one day at one sample per minute).",
      optional: true,
      default: DEFAULT_MAX_POINTS,
      min: 1,
    },
  },
  async run(opts?: ActionRunOptions): Promise<IntradayPoint[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this),
      zone: parseTimeZone(this.timezone),
      fields: parseDataFields(this.dataFields, "getintradayactivity"),
      max: parseMaxResults(this.maxResults, "maxResults", DEFAULT_MAX_POINTS),
    }));
    const { zone, tz, window: { startdate, enddate } } = await epochWindow(this.withings, $, input.range, input.zone, DAY, LIMIT);

    const byTime = new Map<number, IntradayPoint>();
    for (const window of chunkRange(startdate, enddate, DAY)) {
      if (byTime.size >= input.max) break;
      const body: GetIntradayBody = await this.withings.getIntradayActivity({ $, ...window, data_fields: input.fields });
      // Adjacent windows share their boundary second; keep one sample per time.
      const series = recordOf<IntradaySample>(body, "series", "getintradayactivity", { values: "object" });
      for (const p of decodeIntradaySeries(series, tz)) {
        if (p.timestamp >= startdate && p.timestamp <= enddate && !byTime.has(p.timestamp)) byTime.set(p.timestamp, p);
      }
    }
    const out = [...byTime.values()].sort((a, b) => a.timestamp - b.timestamp).slice(0, input.max);
    $.export("$summary", `Retrieved ${plural(out.length, "intraday point")} from ${shortInZone(startdate, tz)} to `
      + `${shortInZone(enddate, tz)}${zone ? "" : " UTC"}`);
    return out;
  },
});
