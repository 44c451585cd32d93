import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { collect } from "../../../../common/paginate";
import { epochWindow, plural, stepOf, validate } from "../../common/component";
import { decodeStethoRecord, type DecodedStethoRecord } from "../../../../common/decode/stetho";
import { parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
import { DAY, ymdInZone } from "../../../../common/dates";
import type { StethoRecord } from "../../../../common/types";

export default defineAction({
  key: "withings-list-stethoscope-recordings",
  name: "List Stethoscope Recordings",
  description: "List the heart-sound recordings of a BPM Core or BeamO stethoscope in a date range, each with "
    + "its valvular heart disease (VHD) result and the `signalid` to fetch the audio with Get Stethoscope Signal. "
    + "Defaults to the last 30 days. [See the documentation](https://developer.withings.com/api-reference/#tag/stetho/operation/stethov2-list)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    startDate: { propDefinition: [withings, "startDate"] },
    endDate: { propDefinition: [withings, "endDate"] },
    timezone: {
      propDefinition: [withings, "timezone"],
      description: "IANA time zone of the Withings user, e.g. `Europe/Paris`, used to read dates without an "
        + "offset and to show times of recordings that carry no zone. Leave empty to use the account's zone "
        + "when a date needs it, else UTC.",
    },
    maxResults: {
      propDefinition: [withings, "maxResults"],
      description: "Stop after this many recordings, following Withings' pages until then, e.g. `50`.",
    },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedStethoRecord[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this),
      zone: parseTimeZone(this.timezone),
      max: parseMaxResults(this.maxResults),
    }));
    const { tz, window: dates } = await epochWindow(this.withings, $, input.range, input.zone, 30 * DAY);

    const args = { $, ...dates };
    const records = await collect<StethoRecord>(
      this.withings.paginate(this.withings.listStethoRecords, args, "series", "list"), input.max);
    const out = records.map((r) => decodeStethoRecord(r, tz));
    const day = (epoch: number) => ymdInZone(epoch, tz);
    $.export("$summary", `Retrieved ${plural(out.length, "stethoscope recording")} from ${day(dates.startdate)} to ${day(dates.enddate)}`);
    return out;
  },
});
