import type { MeasureGroup } from "../../common/types";
import { invalidParams } from "../http-util";
import { intParam, pagedQuery, type Action } from "./params";

/**
 * `/measure` getmeas (also answered on `/v2/measure`, as several clients call it there):
 * unix `startdate`/`enddate` on the measurement date, `lastupdate` on `modified` (strictly after),
 * `meastype`/`meastypes`, `category`, newest first, `more` as 0/1 and `updatetime` = server clock.
 */
export const getmeas: Action = (ctx) => {
  const { params, userid, store, now } = ctx;
  const types = measureTypes(params.meastype, params.meastypes);
  const category = intParam(params, "category");
  if (category !== undefined && category !== 1 && category !== 2) throw invalidParams("category must be 1 or 2");
  const start = intParam(params, "startdate");
  const end = intParam(params, "enddate");
  const lastupdate = intParam(params, "lastupdate");

  const select = () => store.measureGroups(userid)
    .filter((g) => (category === undefined || g.category === category)
      && (start === undefined || g.date >= start) && (end === undefined || g.date <= end)
      && (lastupdate === undefined || g.modified > lastupdate)
      && (!types || g.measures.some((m) => types.has(m.type))))
    .sort((a, b) => b.date - a.date || b.grpid - a.grpid);
  const copy = (g: MeasureGroup): MeasureGroup => ({
    ...g, measures: (types ? g.measures.filter((m) => types.has(m.type)) : g.measures).map((m) => ({ ...m })),
  });
  const pg = pagedQuery(ctx, select, copy);
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
