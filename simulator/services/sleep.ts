import type { SleepSegment, SleepSummary } from "../../common/types";
import { segmentWithFields } from "../signals";
import { invalidParams } from "../http-util";
import { dataFields, dayWindow, inWindow, intParam, pagedQuery, type Action } from "./params";

/** `/v2/sleep` get (states, ≤ 24 h per call) and getsummary (nights by wake-up date, paged). */

const DAY = 86_400;

export const get: Action = ({ params, userid, store }) => {
  const start = intParam(params, "startdate", true)!;
  const requestedEnd = intParam(params, "enddate", true)!;
  if (requestedEnd < start) throw invalidParams("enddate must be after startdate");
  // Only the first 24 h after startdate come back.
  const end = Math.min(requestedEnd, start + DAY);
  const fields = dataFields(params, "sleepget");
  const series: SleepSegment[] = [];
  for (const s of store.sleepSummaries(userid)) {
    if (s.enddate <= start || s.startdate >= end) continue;
    for (const seg of store.sleepSegments(userid, s.id)) {
      if (seg.enddate <= start || seg.startdate >= end) continue;
      series.push(segmentWithFields(seg, fields));
    }
  }
  series.sort((a, b) => a.startdate - b.startdate);
  return { series, model: 32 };
};

/** Without data_fields Withings leaves out heart rate, breathing rate, sleep score and snoring. */
const NOT_BY_DEFAULT = /^(hr_|rr_|snoring|sleep_score$)/;

export const getsummary: Action = (ctx) => {
  const { params, userid, store } = ctx;
  const window = dayWindow(params);
  const fields = dataFields(params, "getsummary");
  const pg = pagedQuery(ctx, () => store.sleepSummaries(userid)
    .filter((s) => inWindow(window, s.date, s.modified))
    .sort((a, b) => a.startdate - b.startdate || a.id - b.id),
  (s) => pickSummary(s, fields));
  return { series: pg.items, more: pg.more, offset: pg.offset };
};

function pickSummary(s: SleepSummary, fields: string[] | undefined): SleepSummary {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) {
    // A device without a thermometer has no core temperature fields at all (not nulls).
    if (v === null && k.startsWith("core_body_temperature")) continue;
    if (fields ? fields.includes(k) : !NOT_BY_DEFAULT.test(k)) data[k] = v;
  }
  return { ...s, data };
}
