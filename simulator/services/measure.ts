import type { MeasureGroup } from "../../common/types";
import { invalidParams } from "../http-util";
import { intParam, page, type Action } from "./params";

/**
 * `/measure` getmeas (also answered on `/v2/measure`, as several clients call it there):
 * unix `startdate`/`enddate` on the measurement date, `lastupdate` on `modified` (strictly after),
 * `meastype`/`meastypes`, `category`, newest first, `more` as 0/1 and `updatetime` = server clock.
 */
export const getmeas: Action = ({ params, userid, store, now, pageSize }) => {
  const types = measureTypes(params.meastype, params.meastypes);
  const category = intParam(params, "category");
  if (category !== undefined && category !== 1 && category !== 2) throw invalidParams("category must be 1 or 2");
  const start = intParam(params, "startdate");
  const end = intParam(params, "enddate");
  const lastupdate = intParam(params, "lastupdate");

  const groups: MeasureGroup[] = [];
  for (const g of store.measureGroups(userid)) {
    if (category !== undefined && g.category !== category) continue;
    if (start !== undefined && g.date < start) continue;
    if (end !== undefined && g.date > end) continue;
    if (lastupdate !== undefined && g.modified <= lastupdate) continue;
    const measures = types ? g.measures.filter((m) => types.has(m.type)) : g.measures;
    if (measures.length === 0) continue;
    groups.push({ ...g, measures: measures.map((m) => ({ ...m })) });
  }
  groups.sort((a, b) => b.date - a.date || b.grpid - a.grpid);

  const pg = page(groups, params, pageSize);
  const body: Record<string, unknown> = { updatetime: now, timezone: store.timezone(userid), measuregrps: pg.items };
  // `more`/`offset` only show up when paging is involved (small answers carry neither).
  if (pg.more || pg.paged) Object.assign(body, { more: pg.more ? 1 : 0, offset: pg.offset });
  return body;
};

function measureTypes(one: string | undefined, many: string | undefined): Set<number> | undefined {
  const raw = [one, many].filter((v): v is string => v !== undefined && v !== "");
  if (raw.length === 0) return undefined;
  if (one !== undefined && one.includes(",")) throw invalidParams("meastype takes one type; use meastypes for several");
  const codes = raw.join(",").split(",").map((s) => s.trim());
  if (codes.some((c) => !/^\d+$/.test(c))) throw invalidParams("meastypes must be a comma-separated list of integers");
  return new Set(codes.map(Number));
}
