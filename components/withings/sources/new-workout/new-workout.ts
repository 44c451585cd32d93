import { defineSource } from "@pipedream/types";
import common, { fetchPage, type PollWindow } from "../common/polling";
import { seenMethods } from "../common/seen";
import type { Offset } from "../../../../common/paginate";
import { onDate } from "../common/measures";
import { decodeWorkout, type DecodedWorkout } from "../../../../common/decode/workouts";
import { formatDuration } from "../../../../common/decode/sleep";
import { DEFAULT_DATA_FIELDS } from "../../../../common/codes/data-fields";
import type { GetWorkoutsBody, Workout } from "../../../../common/types";
import sampleEmit from "./test-event";

/** "Run, 32 min, 5.2 km" */
function describe(w: DecodedWorkout): string {
  const parts = [w.category_name, formatDuration(w.duration_seconds)];
  if (typeof w.data.distance === "number" && w.data.distance > 0) parts.push(`${Math.round(w.data.distance / 100) / 10} km`);
  return parts.join(", ");
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-workout",
    name: "New Workout",
    description: "Emit new event for each new workout (run, walk, ride, swim and more) with its category, duration, "
      + "distance, calories and heart rate. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getworkouts)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: { ...common.props },
    methods: {
      ...common.methods,
      ...seenMethods,
      async readPage(window: PollWindow, offset: Offset) {
        const args = { lastupdate: window.since, data_fields: DEFAULT_DATA_FIELDS.getworkouts };
        const page = await fetchPage<GetWorkoutsBody, Workout>(this.withings, this.withings.getWorkouts, "getworkouts",
          args, offset, "series");
        // Withings returns an edited workout again and has no creation time to tell: the ids already emitted say it.
        const events = page.records.map((row) => {
          const w = decodeWorkout(row, "UTC");
          return { id: String(w.id), time: w.startdate, summary: describe(w) + onDate(w.startdate, w.timezone), event: w as never };
        });
        return { ...page, events };
      },
    },
  }),
  sampleEmit,
};
