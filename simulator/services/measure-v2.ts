import type { Activity, IntradayPoint, Workout } from "../../common/types";
import { invalidParams } from "../http-util";
import { dataFields, dayWindow, inWindow, intParam, pagedQuery, type Action } from "./params";

/** `/v2/measure` getactivity, getintradayactivity and getworkouts. */

const ACTIVITY_BASE = ["date", "timezone", "deviceid", "hash_deviceid", "brand", "is_tracker", "modified", "model", "modelid"];

export const getactivity: Action = (ctx) => {
  const { params, userid, store } = ctx;
  const window = dayWindow(params);
  const fields = dataFields(params, "getactivity");
  const pg = pagedQuery(ctx, () => store.activities(userid)
    .filter((a) => inWindow(window, a.date, a.modified))
    .sort((a, b) => a.date.localeCompare(b.date) || (a.modelid ?? 0) - (b.modelid ?? 0)),
  (a) => pickActivity(a, fields));
  return { activities: pg.items, more: pg.more, offset: pg.offset };
};

/** Without data_fields every stored field comes back; with them, only those (HR fields stay absent on days without HR). */
function pickActivity(a: Activity, fields: string[] | undefined): Activity {
  if (!fields) return { ...a };
  const out: Record<string, unknown> = {};
  for (const k of [...fields, ...ACTIVITY_BASE]) if (a[k] !== undefined) out[k] = a[k];
  return out as Activity;
}

const DAY = 86_400;

export const getintradayactivity: Action = ({ params, userid, store, now }) => {
  let start = intParam(params, "startdate");
  let end = intParam(params, "enddate");
  // No dates: the most recent data. Otherwise only the first 24 h after startdate.
  if (start === undefined && end === undefined) [start, end] = [now - DAY, now];
  else if (start === undefined) start = end! - DAY;
  else if (end === undefined) end = start + DAY;
  if (start! > end!) throw invalidParams("startdate must be before enddate");
  end = Math.min(end!, start! + DAY);
  const fields = dataFields(params, "getintradayactivity");

  const u = store.user(userid);
  const points: Record<string, IntradayPoint> = u.intradayGenerator ? u.intradayGenerator(start!, end) : {};
  for (const [epoch, p] of u.intraday) if (epoch >= start! && epoch <= end) points[String(epoch)] = p;

  const series: Record<string, IntradayPoint> = {};
  for (const key of Object.keys(points).sort((a, b) => Number(a) - Number(b))) {
    const p = points[key];
    const out: IntradayPoint = { deviceid: p.deviceid, model: p.model, model_id: p.model_id };
    let any = false;
    for (const [k, v] of Object.entries(p)) {
      if (k === "deviceid" || k === "model" || k === "model_id" || v === undefined) continue;
      if (fields && !fields.includes(k)) continue;
      out[k] = v;
      any = true;
    }
    if (any) series[key] = out;
  }
  // An empty series is an empty array, not an object.
  return { series: Object.keys(series).length ? series : [] };
};

export const getworkouts: Action = (ctx) => {
  const { params, userid, store } = ctx;
  const window = dayWindow(params);
  const fields = dataFields(params, "getworkouts");
  const pg = pagedQuery(ctx, () => store.workouts(userid)
    .filter((w) => inWindow(window, w.date, w.modified))
    .sort((a, b) => a.startdate - b.startdate || a.id - b.id),
  (w) => pickWorkout(w, fields));
  return { series: pg.items, more: pg.more, offset: pg.offset };
};

/** Requested fields the workout lacks come back as null. */
function pickWorkout(w: Workout, fields: string[] | undefined): Workout {
  const data = w.data ?? {};
  if (!fields) return { ...w, data: { ...data } };
  const picked: Record<string, number | string | null> = {};
  for (const f of fields) picked[f] = data[f] ?? null;
  return { ...w, data: picked };
}
