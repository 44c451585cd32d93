import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common, { fetchAll, OVERLAP, type PollWindow } from "../common/polling";
import { onDate } from "../common/measures";
import { decodeStethoRecord, type DecodedStethoRecord } from "../../../../common/decode/stetho";
import { validate } from "../../common/component";
import { parseTimeZone } from "../../../../common/inputs";
import { DAY } from "../../../../common/dates";
import type { StethoListBody, StethoRecord } from "../../../../common/types";
import sampleEmit from "./test-event";

/**
 * Stetho v2 List filters on the recording time and carries no modification time. Each run re-reads a
 * day before the cursor to catch recordings uploaded late; the `stetho-<signalid>` id and the unique
 * dedupe keep every recording to one delivery.
 */
const LATE_UPLOAD_WINDOW = DAY;

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
      async poll(window: PollWindow) {
        const zone = validate(() => parseTimeZone(this.timezone)) ?? "UTC";
        const args = { startdate: window.since - LATE_UPLOAD_WINDOW, enddate: window.now };
        const { records } = await fetchAll<StethoListBody, StethoRecord>(this.withings, this.withings.listStethoRecords,
          args, "list", (b) => b.series);
        const events = records
          .filter((r) => typeof r.signalid === "number" && Number.isFinite(r.timestamp))
          .map((r) => {
            const d = decodeStethoRecord(r, zone);
            const id = `stetho-${d.signalid}`;
            return { id, time: d.timestamp, summary: describe(d) + onDate(d.timestamp, d.timezone), event: { id, ...d } as never };
          });
        return { events, cursor: window.now - OVERLAP };
      },
    },
  }),
  sampleEmit,
};
