import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { epochWindow, plural, stepOf, validate } from "../../common/component";
import { collect } from "../../../../common/paginate";
import { decodeMeasureGroup, type DecodedMeasureGroup } from "../../../../common/decode/measures";
import { UNIT_SYSTEMS } from "../../../../common/decode/units";
import {
  parseChoice, parseInteger, parseMaxResults, parseMeasureTypes, parseRange, parseTimeZone,
} from "../../../../common/inputs";
import { DAY, ymdInZone } from "../../../../common/dates";
import { listOf } from "../../../../common/shape";
import type { GetMeasBody, MeasureGroup } from "../../../../common/types";

export default defineAction({
  key: "withings-get-measures",
  name: "Get Measures",
  description: "Get body measures (weight, body composition, blood pressure, heart pulse, temperature, SpO2 and "
    + "more) in a date range or changed since a time, each group with decoded, named values in real units. "
    + "Defaults to the last 30 days. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas)",
  version: "0.0.1",
  type: "action",
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    openWorldHint: true,
  },
  props: {
    withings,
    measureTypes: { propDefinition: [withings, "measureTypes"] },
    category: { propDefinition: [withings, "category"] },
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    lastUpdate: { propDefinition: [withings, "lastUpdate"] },
    unitSystem: { propDefinition: [withings, "unitSystem"] },
    timezone: { propDefinition: [withings, "timezone"] },
    maxResults: { propDefinition: [withings, "maxResults"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedMeasureGroup[]> {
    const $ = stepOf(opts);
    const input = validate(() => {
      const category = this.category === undefined || this.category === null || this.category === "" ? 1
        : parseInteger(this.category, "category", { min: 1, max: 2, what: "1 (real measures) or 2 (objectives)" });
      return {
        range: parseRange(this, { allowLastUpdate: true }),
        types: parseMeasureTypes(this.measureTypes),
        category,
        system: parseChoice(this.unitSystem, UNIT_SYSTEMS, "unitSystem", "metric"),
        zone: parseTimeZone(this.timezone),
        max: parseMaxResults(this.maxResults),
      };
    });
    const { range } = input;
    const { zone, window } = range.lastUpdate !== undefined
      ? { zone: input.zone, window: undefined }
      : await epochWindow(this.withings, $, range, input.zone, 30 * DAY);
    const dates = window ?? { lastupdate: range.lastUpdate as number };

    // Groups are decoded in the prop's zone, else the zone Withings reports for the user on each page.
    let reported: string | undefined;
    // Decoded page by page: memory holds what is returned, not the raw pages as well.
    const pick = (body: GetMeasBody) => {
      reported ??= body.timezone;
      const tz = zone ?? body.timezone ?? "UTC";
      return listOf<MeasureGroup>(body, "measuregrps", "getmeas").map((group) => decodeMeasureGroup(group, tz, input.system));
    };
    const args = { $, meastypes: input.types, category: input.category, ...dates };
    const out = await collect<DecodedMeasureGroup>(
      this.withings.paginate(this.withings.getMeasures, args, pick, "getmeas"), input.max);
    const userZone = zone ?? reported ?? "UTC";
    const span = "lastupdate" in dates
      ? `changed since ${new Date(dates.lastupdate * 1000).toISOString()}`
      : `from ${ymdInZone(dates.startdate, userZone)} to ${ymdInZone(dates.enddate, userZone)}`;
    $.export("$summary", `Retrieved ${plural(out.length, "measure group")} ${span}`);
    return out;
  },
});
