import type { StethoRecord } from "../../common/types";
import { generateStethoSignal } from "../stetho-signal";
import { invalidParams } from "../http-util";
import { intParam, pagedQuery, type Action } from "./params";

/** `/v2/stetho` list (recordings, newest first, paged) and get (one recording, A-law). */

export const list: Action = (ctx) => {
  const { params, userid, store } = ctx;
  const start = intParam(params, "startdate");
  const end = intParam(params, "enddate");
  const pg = pagedQuery(ctx, () => store.stethos(userid)
    .filter((s) => (start === undefined || s.timestamp >= start) && (end === undefined || s.timestamp <= end))
    .sort((a, b) => b.timestamp - a.timestamp),
  // The list shows only these fields; the model and position come with get.
  ({ hash_deviceid, signalid, vhd, timestamp, timezone }): StethoRecord => ({ hash_deviceid, signalid, vhd, timestamp, timezone }));
  return { series: pg.items, more: pg.more, offset: pg.offset };
};

export const get: Action = ({ params, userid, store }) => {
  const signalid = intParam(params, "signalid", true)!;
  const rec = store.stethos(userid).find((s) => s.signalid === signalid);
  if (!rec) throw invalidParams(`unknown signalid ${signalid}`);
  return generateStethoSignal(rec);
};
