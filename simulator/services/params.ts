import { DATA_FIELDS, type DataFieldEndpoint } from "../../common/codes/data-fields";
import { invalidParams, type Params } from "../http-util";
import type { Notifier } from "../notify";
import type { Store } from "../store";

/** What every action handler gets: parsed params, the token's user and client, and the simulator state. */
export interface Ctx {
  params: Params;
  userid: string;
  clientId: string;
  /** Scopes the token was granted. */
  scopes: readonly string[];
  now: number;
  store: Store;
  notifier: Notifier;
  pageSize: number;
}

export type Action = (ctx: Ctx) => unknown | Promise<unknown>;

export function intParam(p: Params, name: string, required = false): number | undefined {
  const v = p[name];
  if (v === undefined || v === "") {
    if (required) throw invalidParams(`missing ${name}`);
    return undefined;
  }
  if (!/^-?\d+$/.test(v.trim())) throw invalidParams(`${name} must be an integer`);
  return Number(v);
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: Date.parse would roll 2026-02-30 over to 2 March. */
function isCalendarDay(ymd: string): boolean {
  const t = Date.parse(`${ymd}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === ymd;
}

export function ymdParam(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === "") return undefined;
  if (!YMD.test(v) || !isCalendarDay(v)) throw invalidParams(`${name} must be YYYY-MM-DD`);
  return v;
}

/** Comma-separated `data_fields`, checked against the endpoint's list; undefined when absent. */
export function dataFields(p: Params, endpoint: DataFieldEndpoint): string[] | undefined {
  const v = p.data_fields;
  if (v === undefined || v.trim() === "") return undefined;
  const allowed: readonly string[] = DATA_FIELDS[endpoint];
  const fields = v.split(",").map((f) => f.trim()).filter(Boolean);
  const bad = fields.find((f) => !allowed.includes(f));
  if (bad) throw invalidParams(`unknown data_fields value ${bad}`);
  return fields;
}

/**
 * The v2 day-based window: `startdateymd`+`enddateymd` or `lastupdate`. Both together give an empty
 * result (as Withings does); neither is refused.
 */
export type DayWindow =
  | { kind: "ymd"; start: string; end: string }
  | { kind: "lastupdate"; after: number }
  | { kind: "empty" };

export function dayWindow(p: Params): DayWindow {
  const start = ymdParam(p, "startdateymd");
  const end = ymdParam(p, "enddateymd");
  const after = intParam(p, "lastupdate");
  if ((start || end) && after !== undefined) return { kind: "empty" };
  if (after !== undefined) return { kind: "lastupdate", after };
  if (start && !end) throw invalidParams("enddateymd is required with startdateymd");
  if (end && !start) throw invalidParams("startdateymd is required with enddateymd");
  if (!start || !end) throw invalidParams("startdateymd and enddateymd, or lastupdate, are required");
  return { kind: "ymd", start, end };
}

export function inWindow(w: DayWindow, date: string, modified: number | undefined): boolean {
  if (w.kind === "empty") return false;
  if (w.kind === "lastupdate") return (modified ?? 0) > w.after;
  return date >= w.start && date <= w.end;
}

// Offsets are opaque to clients: not a page number, not a plain index.
const encodeOffset = (index: number) => (index === 0 ? 0 : index * 7 + 3);
function decodeOffset(p: Params): number {
  const o = intParam(p, "offset");
  if (!o) return 0;
  if (o < 10 || (o - 3) % 7 !== 0) throw invalidParams("invalid offset");
  return (o - 3) / 7;
}

export function page<T>(items: T[], p: Params, pageSize: number): { items: T[]; more: boolean; offset: number; paged: boolean } {
  const start = decodeOffset(p);
  const end = start + pageSize;
  return { items: items.slice(start, end), more: end < items.length, offset: encodeOffset(Math.min(end, items.length)), paged: start > 0 };
}

interface CachedQuery {
  version: number;
  rows: unknown[];
}
const queries = new WeakMap<Store, Map<string, CachedQuery>>();
const MAX_CACHED_QUERIES = 32;

/**
 * One page of a list query in time proportional to the page: the filtered, sorted rows are computed on the
 * first page and kept while the client follows `offset` (until the store changes), and only the page's
 * rows are copied out by `project`. Without this, every page refiltered and sorted everything: quadratic.
 */
export function pagedQuery<T, U>(ctx: Ctx, select: () => T[], project: (row: T) => U) {
  const { offset, ...rest } = ctx.params;
  const key = `${ctx.userid}\u0000${JSON.stringify(rest)}`;
  let cache = queries.get(ctx.store);
  if (!cache) queries.set(ctx.store, (cache = new Map()));
  let hit = offset ? cache.get(key) : undefined;
  if (!hit || hit.version !== ctx.store.version) {
    hit = { version: ctx.store.version, rows: select() };
    cache.delete(key);
    cache.set(key, hit);
    if (cache.size > MAX_CACHED_QUERIES) cache.delete(cache.keys().next().value!);
  }
  const pg = page(hit.rows as T[], ctx.params, ctx.pageSize);
  return { ...pg, items: pg.items.map(project) };
}
