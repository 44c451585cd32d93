import { defineSource } from "@pipedream/types";
import common, { fetchPage, isLaterEdit, type PollWindow } from "../common/polling";
import type { Offset } from "../../../../common/paginate";
import { decodeSleepSummary, formatDuration, type DecodedSleepSummary } from "../../../../common/decode/sleep";
import { DEFAULT_DATA_FIELDS } from "../../../../common/codes/data-fields";
import type { GetSleepSummaryBody, SleepSummary } from "../../../../common/types";
import sampleEmit from "./test-event";

/** "Slept 7 h 12 min, score 82, night of 2026-11-20 (ScanWatch)" */
function describe(s: DecodedSleepSummary): string {
  const total = typeof s.data.total_sleep_time === "number" ? s.data.total_sleep_time : s.enddate - s.startdate;
  const score = s.sleep_score === undefined ? "" : `, score ${s.sleep_score}`;
  const device = s.device_model ?? s.model_name;
  return `Slept ${formatDuration(total)}${score}, night of ${s.date}${device ? ` (${device})` : ""}`;
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-sleep-summary",
    name: "New Sleep Summary",
    description: "Emit new event for each new night of sleep: total sleep time, sleep stages, sleep score, heart "
      + "rate, breathing and snoring. [See the documentation](https://developer.withings.com/api-reference/#tag/sleep/operation/sleepv2-getsummary)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: { ...common.props },
    methods: {
      ...common.methods,
      async readPage(window: PollWindow, offset: Offset) {
        const args = { lastupdate: window.since, data_fields: DEFAULT_DATA_FIELDS.getsummary };
        const page = await fetchPage<GetSleepSummaryBody, SleepSummary>(this.withings, this.withings.getSleepSummary,
          "getsummary", args, offset, "series");
        // A night Withings recomputed later (created before the window) was already emitted.
        const events = page.records.filter((r) => !isLaterEdit(r.created, window)).map((row) => {
          const s = decodeSleepSummary(row, "UTC");
          return { id: String(s.id), time: s.startdate, summary: describe(s), event: s as never };
        });
        return { ...page, events };
      },
    },
  }),
  sampleEmit,
};
