import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { collect } from "../../../../common/paginate";
import { epochWindow, plural, stepOf, validate } from "../../common/component";
import { decodeEcgRecord, type DecodedEcgRecord } from "../../../../common/decode/heart";
import { parseMaxResults, parseRange, parseTimeZone } from "../../../../common/inputs";
import { DAY, ymdInZone } from "../../../../common/dates";
import type { EcgRecord } from "../../../../common/types";

export default defineAction({
  key: "withings-list-ecg-recordings",
  name: "List ECG Recordings",
  description: "List ECG recordings (ScanWatch, Move ECG, BPM Core) in a date range, each with its atrial "
    + "fibrillation result, heart rate, blood pressure when measured, and the `signalid` to fetch the waveform "
    + "with Get ECG Signal. Defaults to the last 30 days. [See the documentation](https://developer.withings.com/api-reference/#tag/heart/operation/heartv2-list)",
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
  async run(opts?: ActionRunOptions): Promise<DecodedEcgRecord[]> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      range: parseRange(this),
      zone: parseTimeZone(this.timezone),
      max: parseMaxResults(this.maxResults),
    }));
    const { tz, window: dates } = await epochWindow(this.withings, $, input.range, input.zone, 30 * DAY);

    const args = { $, ...dates };
    const records = await collect<EcgRecord>(
      this.withings.paginate(this.withings.listHeartRecords, args, "series", "list"), input.max);
    const out = records.map((r) => decodeEcgRecord(r, tz));
    const day = (epoch: number) => ymdInZone(epoch, tz);
    $.export("$summary", `Retrieved ${plural(out.length, "ECG recording")} from ${day(dates.startdate)} to ${day(dates.enddate)}`);
    return out;
  },
});
