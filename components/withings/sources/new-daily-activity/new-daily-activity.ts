import { defineSource } from "@pipedream/types";
import common, { boundedId, deviceKey, fetchAll, OVERLAP, type PolledEvent, type PollWindow } from "../common/polling";
import { decodeActivity, type DecodedActivity } from "../../../../common/decode/activity";
import { DEFAULT_DATA_FIELDS } from "../../../../common/codes/data-fields";
import { addDays, zonedEpoch } from "../../../../common/dates";
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
      async poll(window: PollWindow) {
        const args = { lastupdate: window.since, data_fields: DEFAULT_DATA_FIELDS.getactivity };
        const { records } = await fetchAll<GetActivityBody, Activity>(this.withings, this.withings.getActivity, args,
          "getactivity", (b) => b.activities);
        const events: PolledEvent[] = [];
        let cursor = window.now - OVERLAP;
        for (const row of records) {
          const a = decodeActivity(row, "UTC");
          const tz = a.timezone ?? "UTC";
          const start = zonedEpoch(a.date, 0, tz);
          if (zonedEpoch(addDays(a.date, 1), 0, tz) > window.now) {
            // Today is still being counted: keep the cursor before it, so the next run reads it again.
            cursor = Math.min(cursor, a.modified === null ? window.since : a.modified - 1);
            continue;
          }
          const device = deviceKey(a.deviceid, a.modelid);
          const id = this.includeUpdates ? boundedId(a.date, device, a.modified ?? 0) : boundedId(a.date, device);
          events.push({ id, time: start, summary: describe(a), event: { id, ...a } as never });
        }
        return { events, cursor };
      },
    },
  }),
  sampleEmit,
};
