import { defineSource } from "@pipedream/types";
import common, { boundedId, deviceKey, fetchPage, type PolledEvent, type PollWindow, type RunContext } from "../common/polling";
import { dayBounds, dayKey, mergePendingDays, storedPendingDays } from "../common/days";
import { seenMethods } from "../common/seen";
import { decodeActivity, type DecodedActivity } from "../../../../common/decode/activity";
import { DEFAULT_DATA_FIELDS } from "../../../../common/codes/data-fields";
import { nowEpoch } from "../../../../common/dates";
import type { Offset } from "../../../../common/paginate";
import type { Activity, GetActivityBody } from "../../../../common/types";
import sampleEmit from "./test-event";

/** "8432 steps, 6.1 km, 412 kcal active on 2026-11-19 (ScanWatch)" */
function describe(a: DecodedActivity): string {
  const parts = [`${a.steps ?? 0} steps`];
  if (typeof a.distance === "number") parts.push(`${Math.round(a.distance / 100) / 10} km`);
  if (typeof a.calories === "number") parts.push(`${Math.round(a.calories)} kcal active`);
  return `${parts.join(", ")} on ${a.date}${a.model ? ` (${a.model})` : ""}`;
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-daily-activity",
    name: "New Daily Activity",
    description: "Emit new event for each day of activity (steps, distance, calories, heart rate zones) per source "
      + "device, once the day has ended in the user's time zone. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getactivity)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: {
      ...common.props,
      includeUpdates: {
        type: "boolean",
        label: "Include Updates",
        description: "`true` to emit a finished day again each time Withings changes it later (e.g. a tracker "
          + "syncs late), as a new event with its own id. `false` (default) emits each day once.",
        optional: true,
        default: false,
      },
    },
    methods: {
      ...common.methods,
      ...seenMethods,
      _getPendingDays(): DecodedActivity[] {
        return storedPendingDays(this.db.get("pendingDays"));
      },
      _setPendingDays(days: DecodedActivity[]) {
        this.db.set("pendingDays", days);
      },
      dayEvent(a: DecodedActivity): PolledEvent {
        const device = deviceKey(a.deviceid, a.modelid);
        const id = this.includeUpdates ? boundedId(a.date, device, a.modified ?? 0) : boundedId(a.date, device);
        return { id, time: dayBounds(a).start, summary: describe(a), event: { id, ...a } as never };
      },
      async readPage(window: PollWindow, offset: Offset, ctx: RunContext) {
        const args = { lastupdate: window.since, data_fields: DEFAULT_DATA_FIELDS.getactivity };
        const page = await fetchPage<GetActivityBody, Activity>(this.withings, this.withings.getActivity, "getactivity",
          args, offset, "activities");
        const now = nowEpoch();
        const unfinished = (ctx.pendingDays ??= []) as DecodedActivity[];
        const finished = (ctx.finishedDays ??= new Set<string>()) as Set<string>;
        const events: PolledEvent[] = [];
        for (const row of page.records) {
          const a = decodeActivity(row, "UTC");
          // Today is still being counted: held (in the db) until it ends, so the cursor can move on.
          if (dayBounds(a).end > now) unfinished.push(a);
          else {
            finished.add(dayKey(a));
            // A finished day Withings changes later comes back with the same id: the base emits it once (with
            // Include Updates, each version has its own id).
            events.push(this.dayEvent(a));
          }
        }
        return { ...page, events };
      },
      /** Days held earlier that have ended since: emitted from what was stored, without a request. */
      settle(ctx: RunContext) {
        const now = nowEpoch();
        const read = (ctx.pendingDays ?? []) as DecodedActivity[];
        // A held day that this run read again after it ended was emitted from that fresher read.
        const emitted = new Set((ctx.finishedDays ?? []) as Set<string>);
        const due = mergePendingDays(this._getPendingDays(), read)
          .filter((a) => dayBounds(a).end <= now && !emitted.has(dayKey(a)));
        for (const a of due) emitted.add(dayKey(a));
        return {
          events: due.map((a) => this.dayEvent(a)),
          // Stored only after those events were emitted; read again first in case another run wrote meanwhile.
          commit: () => this._setPendingDays(mergePendingDays(this._getPendingDays(), read)
            .filter((a) => !emitted.has(dayKey(a)))),
        };
      },
    },
  }),
  sampleEmit,
};
