import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { READ_ONLY, plural, stepOf, validate, zoneFor } from "../../common/component";
import { decodeIntradaySeries, type IntradayPoint } from "../../../../common/decode/intraday";
import { chunkRange, epochRange, parseDataFields, parseMaxResults, parseRange, parseTimeZone, rangeNeedsZone, type ParsedRange } from "../../../../common/inputs";
import { DAY, nowEpoch, shortInZone } from "../../../../common/dates";
import { InputError } from "../../../../common/errors";
import type { GetIntradayBody } from "../../../../common/types";

/** One call per 24 h window; past a week that is too many calls for one step and too much data. */
const MAX_SPAN = 7 * DAY;
const DEFAULT_MAX_POINTS = 1440;

function checkedRange(range: ParsedRange, tz: string, now: number) {
  const r = epochRange(range, tz, now, DAY);
  if (r.enddate - r.startdate > MAX_SPAN) {
    throw new InputError("endDate", "the range is longer than 7 days. Withings returns intraday data 24 hours per "
      + "call, so ask for at most 7 days at a time (e.g. startDate 2026-11-14, endDate 2026-11-20).");
  }
  return r;
}

export default defineAction({
  key: "withings-get-intraday-activity",
  name: "Get Intraday Activity",
  description: "Get minute-level activity samples (steps, heart rate, SpO2, calories, distance, floors and more), "
    + "sorted by time, for up to 7 days. Withings returns 24 hours per call, so longer ranges are fetched day by "
    + "day. Defaults to the last 24 hours. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getintradayactivity)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
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
    const now = nowEpoch();
    const input = validate(() => {
      const range = parseRange(this);
      const zone = parseTimeZone(this.timezone);
      // Checked here too so an over-long range is refused before any request (exact once the zone is known).
      checkedRange(range, zone ?? "UTC", now);
      return {
        range, zone,
        fields: parseDataFields(this.dataFields, "getintradayactivity"),
        max: parseMaxResults(this.maxResults, "maxResults", DEFAULT_MAX_POINTS),
      };
    });
    const zone = await zoneFor(this.withings, $, input.zone, rangeNeedsZone(input.range, "epoch", false));
    const { startdate, enddate } = validate(() => checkedRange(input.range, zone ?? "UTC", now));

    const byTime = new Map<number, IntradayPoint>();
    for (const window of chunkRange(startdate, enddate, DAY)) {
      if (byTime.size >= input.max) break;
      const body: GetIntradayBody = await this.withings.getIntradayActivity({ $, ...window, data_fields: input.fields });
      // Adjacent windows share their boundary second; keep one sample per time.
      for (const p of decodeIntradaySeries(body.series, zone ?? "UTC")) {
        if (p.timestamp >= startdate && p.timestamp <= enddate && !byTime.has(p.timestamp)) byTime.set(p.timestamp, p);
      }
    }
    const out = [...byTime.values()].sort((a, b) => a.timestamp - b.timestamp).slice(0, input.max);
    const tz = zone ?? "UTC";
    $.export("$summary", `Retrieved ${plural(out.length, "intraday point")} from ${shortInZone(startdate, tz)} to `
      + `${shortInZone(enddate, tz)}${zone ? "" : " UTC"}`);
    return out;
  },
});
