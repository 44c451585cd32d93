import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common, { fetchPage, type PollWindow, type RunContext } from "../common/polling";
import { onDate } from "../common/measures";
import { decodeStethoRecord, type DecodedStethoRecord } from "../../../../common/decode/stetho";
import { validate } from "../../common/component";
import { parseTimeZone } from "../../../../common/inputs";
import { DAY, nowEpoch } from "../../../../common/dates";
import type { Offset } from "../../../../common/paginate";
import type { StethoListBody, StethoRecord } from "../../../../common/types";
import sampleEmit from "./test-event";

/**
 * Stetho v2 List filters on the recording time and carries no modification time. Each run re-reads a
 * day before the cursor to catch recordings uploaded late, and remembers the signal ids it emitted from
 * that last day (a handful: recordings are rare) so that a quiet run emits nothing.
 */
const LATE_UPLOAD_WINDOW = DAY;

/** A recording emitted within the late-upload window: its signal id and time. */
type Seen = [signalid: number, timestamp: number];

function storedSeen(v: unknown): Seen[] {
  return Array.isArray(v) ? v.filter((x): x is Seen => Array.isArray(x) && x.length === 2
    && Number.isFinite(x[0]) && Number.isFinite(x[1])) : [];
}

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
      _getSeen(): Seen[] {
        return storedSeen(this.db.get("seen"));
      },
      _setSeen(seen: Seen[]) {
        this.db.set("seen", seen);
      },
      async readPage(window: PollWindow, offset: Offset, ctx: RunContext) {
        const zone = validate(() => parseTimeZone(this.timezone)) ?? "UTC";
        const args = { startdate: window.since - LATE_UPLOAD_WINDOW, enddate: window.now };
        const page = await fetchPage<StethoListBody, StethoRecord>(this.withings, this.withings.listStethoRecords,
          "list", args, offset, (b) => b.series);
        const known = (ctx.known ??= new Set(this._getSeen().map(([id]) => id))) as Set<number>;
        const fresh = (ctx.fresh ??= []) as Seen[];
        ctx.since = window.since;
        const events = page.records
          .filter((r) => typeof r.signalid === "number" && Number.isFinite(r.timestamp) && !known.has(r.signalid))
          .map((r) => {
            const d = decodeStethoRecord(r, zone);
            fresh.push([r.signalid as number, r.timestamp]);
            const id = `stetho-${d.signalid}`;
            return { id, time: d.timestamp, summary: describe(d) + onDate(d.timestamp, d.timezone), event: { id, ...d } as never };
          });
        return { ...page, events };
      },
      /** Stores the ids emitted (once they are), keeping only those a later run's window can still return. */
      settle(ctx: RunContext) {
        const fresh = (ctx.fresh ?? []) as Seen[];
        return {
          events: [],
          commit: () => {
            // Later windows start no earlier than this one: older recordings cannot come back.
            const keepFrom = (typeof ctx.since === "number" ? ctx.since : nowEpoch()) - LATE_UPLOAD_WINDOW;
            const byId = new Map([...this._getSeen(), ...fresh].map((x) => [x[0], x] as const));
            this._setSeen([...byId.values()].filter(([, ts]) => ts >= keepFrom));
          },
        };
      },
    },
  }),
  sampleEmit,
};
