import type { EcgRecord } from "../../common/types";
import { generateEcgSignal } from "../signals";
import { invalidParams } from "../http-util";
import { intParam, pagedQuery, type Action } from "./params";

/** `/v2/heart` list (ECG recordings, newest first, paged) and get (one signal). */

export const list: Action = (ctx) => {
  const { params, userid, store } = ctx;
  const start = intParam(params, "startdate");
  const end = intParam(params, "enddate");
  const pg = pagedQuery(ctx, () => store.ecgs(userid)
    .filter((e) => (start === undefined || e.timestamp >= start) && (end === undefined || e.timestamp <= end))
    .sort((a, b) => b.timestamp - a.timestamp),
  (e): EcgRecord => ({ ...e }));
  return { series: pg.items, more: pg.more, offset: pg.offset };
};

export const get: Action = ({ params, userid, store }) => {
  const signalid = intParam(params, "signalid", true)!;
  const rec = store.ecgs(userid).find((e) => e.ecg?.signalid === signalid);
  if (!rec) throw invalidParams(`unknown signalid ${signalid}`);
  return generateEcgSignal(signalid, rec.model ?? 93, rec.heart_rate ?? 72);
};
