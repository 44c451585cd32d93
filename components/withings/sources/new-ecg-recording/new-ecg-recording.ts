import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common, { boundedId, deviceKey, fetchPage, type PollWindow } from "../common/polling";
import { recordingRange } from "../common/recordings";
import type { Offset } from "../../../../common/paginate";
import { onDate } from "../common/measures";
import { decodeEcgRecord, type DecodedEcgRecord } from "../../../../common/decode/heart";
import { validate } from "../../common/component";
import { parseTimeZone } from "../../../../common/inputs";
import type { EcgRecord, HeartListBody } from "../../../../common/types";
import sampleEmit from "./test-event";


/** "ECG: AFib negative, 68 bpm" */
function describe(d: DecodedEcgRecord): string {
  const parts = [d.afib_result ? `AFib ${d.afib_result}` : "no AFib result"];
  if (d.heart_rate !== null) parts.push(`${d.heart_rate} bpm`);
  if (d.bloodpressure) parts.push(`blood pressure ${d.bloodpressure.systole}/${d.bloodpressure.diastole} mmHg`);
  return `ECG: ${parts.join(", ")}`;
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-ecg-recording",
    name: "New ECG Recording",
    description: "Emit new event for each new ECG recording (ScanWatch, Move ECG, BPM Core) with its AFib result, "
      + "heart rate and the signal id to fetch the trace with. [See the documentation](https://developer.withings.com/api-reference/#tag/heart/operation/heartv2-list)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: {
      ...common.props,
      timezone: {
        propDefinition: [withings, "timezone"],
        description: "IANA time zone for dates in events and summaries when a recording carries none, e.g. "
          + "`Europe/Paris`. Defaults to UTC.",
      },
    },
    methods: {
      ...common.methods,
      async readPage(window: PollWindow, offset: Offset) {
        const zone = validate(() => parseTimeZone(this.timezone)) ?? "UTC";
        const args = recordingRange(window);
        const page = await fetchPage<HeartListBody, EcgRecord>(this.withings, this.withings.listHeartRecords, "list",
          args, offset, "series");
        // The list reads a day back (late uploads); `modified` keeps each recording to a single emit.
        const events = page.records
          .filter((r) => (r.modified ?? r.timestamp) > window.since)
          .map((r) => {
            const d = decodeEcgRecord(r, zone);
            const id = d.signalid === null ? boundedId(d.timestamp, deviceKey(d.deviceid, d.model)) : `ecg-${d.signalid}`;
            return { id, time: d.timestamp, summary: describe(d) + onDate(d.timestamp, d.timezone), event: { id, ...d } as never };
          });
        return { ...page, events };
      },
    },
  }),
  sampleEmit,
};
