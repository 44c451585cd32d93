import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common, { fetchPage, type PollWindow } from "../common/polling";
import { recordingRange } from "../common/recordings";
import { seenMethods } from "../common/seen";
import { onDate } from "../common/measures";
import { decodeStethoRecord, type DecodedStethoRecord } from "../../../../common/decode/stetho";
import { validate } from "../../common/component";
import { parseTimeZone } from "../../../../common/inputs";
import type { Offset } from "../../../../common/paginate";
import type { StethoListBody, StethoRecord } from "../../../../common/types";
import sampleEmit from "./test-event";


/** "Heart sounds: VHD negative" */
function describe(d: DecodedStethoRecord): string {
  return `Heart sounds: ${d.vhd_result ? `VHD ${d.vhd_result}` : "no VHD result"}`;
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-stethoscope-recording",
    name: "New Stethoscope Recording",
    description: "Emit new event for each new heart-sound recording of a BPM Core or BeamO stethoscope, with its "
      + "valvular heart disease (VHD) result and the signal id to fetch the audio with. [See the documentation](https://developer.withings.com/api-reference/#tag/stetho/operation/stethov2-list)",
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
      ...seenMethods,
      async readPage(window: PollWindow, offset: Offset) {
        const zone = validate(() => parseTimeZone(this.timezone)) ?? "UTC";
        const args = recordingRange(window);
        const page = await fetchPage<StethoListBody, StethoRecord>(this.withings, this.withings.listStethoRecords,
          "list", args, offset, "series");
        // The list reads a day back (late uploads) and has no change time: the ids emitted from that day (a handful,
        // the 500 most recent at most) keep each recording to a single emit.
        const events = page.records
          .filter((r) => typeof r.signalid === "number" && Number.isFinite(r.timestamp))
          .map((r) => {
            const d = decodeStethoRecord(r, zone);
            const id = `stetho-${d.signalid}`;
            return { id, time: d.timestamp, summary: describe(d) + onDate(d.timestamp, d.timezone), event: { id, ...d } as never };
          });
        return { ...page, events };
      },
      /** Later windows start no earlier than this one: older recordings cannot come back, nor need remembering. */
      seenFrom(window: PollWindow) {
        return recordingRange(window).startdate;
      },
    },
  }),
  sampleEmit,
};
