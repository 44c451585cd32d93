import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { runRecordingList } from "../../common/recording-list";
import { decodeEcgRecord, type DecodedEcgRecord } from "../../../../common/decode/heart";
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
    return runRecordingList<EcgRecord, DecodedEcgRecord>(this, opts, { method: "listHeartRecords", decode: decodeEcgRecord, noun: "ECG recording" });
  },
});
