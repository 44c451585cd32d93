import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { runRecordingList } from "../../common/recording-list";
import { decodeStethoRecord, type DecodedStethoRecord } from "../../../../common/decode/stetho";
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
    return runRecordingList<StethoRecord, DecodedStethoRecord>(this, opts, { method: "listStethoRecords", decode: decodeStethoRecord, noun: "stethoscope recording" });
  },
});
