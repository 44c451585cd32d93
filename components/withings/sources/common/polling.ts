import { createHash } from "node:crypto";
import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import type { JSONValue } from "@pipedream/types";
import withings from "../../withings.app";
import { DAY, nowEpoch } from "../../../../common/dates";
import type { Paged } from "../../../../common/types";
import { collect } from "../../../../common/paginate";

/**
 * The shared polling base. Each run asks Withings for what changed since a cursor, emits every new
 * record oldest first, and only then moves the cursor. The cursor is the only state (one number), so
 * the db stays the same size forever; repeats caused by overlapping windows are absorbed by stable ids.
 */

/** Re-read this much before the cursor on services whose cursor is our own clock (v2 services, heart). */
export const OVERLAP = 5 * 60;
/** How far back `deploy` looks, and how many records it emits at most. */
export const BACKFILL_SPAN = 30 * DAY;
export const BACKFILL_MAX = 25;
/** Longest id Pipedream deduplicates on. */
export const MAX_ID_LENGTH = 64;

export interface PolledEvent {
  /** Stable across reads, at most 64 characters. */
  id: string;
  /** The record's own time, unix seconds. */
  time: number;
  summary: string;
  event: JSONValue;
}

export interface PollWindow {
  /** Unix seconds: the stored cursor, or the start of the backfill. */
  since: number;
  /** Unix seconds when this run started. */
  now: number;
  /** True on deploy (and on a run that finds no cursor): bounded backfill. */
  backfill: boolean;
}

export interface PollResult {
  events: PolledEvent[];
  /** Where the next run starts. Stored only after every event of this run was emitted. */
  cursor: number;
}

interface Db {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** What the base's methods see on `this`: the platform's wiring plus the concrete source's `poll`. */
export interface PollingThis {
  withings: any;
  db: Db;
  $emit(event: JSONValue, meta: { id: string; summary: string; ts: number }): unknown;
  poll(window: PollWindow): Promise<PollResult>;
  _getCursor(): number | undefined;
  _setCursor(cursor: number): void;
  processEvents(backfill: boolean): Promise<number>;
  [prop: string]: any;
}

/** Every record of a paged call (all pages, before anything is emitted) and the first page body. */
export async function fetchAll<B extends Paged, T>(app: any, fetch: unknown, args: Record<string, unknown>,
  action: string, pick: (body: B) => readonly T[] | undefined): Promise<{ records: T[]; first?: B }> {
  const bodies = await collect<B>(app.pages(fetch, args, action));
  return { records: bodies.flatMap((b) => pick(b) ?? []), first: bodies[0] };
}

/**
 * True for a record `lastupdate` returned only because it was edited: it was created well before the
 * window (the overlap allows for records stored just before the previous answer), so it was emitted then.
 */
export function isLaterEdit(created: number | undefined, window: PollWindow): boolean {
  return typeof created === "number" && created <= window.since - OVERLAP;
}

/** Joins id parts with "-"; past 64 characters the tail becomes a digest so the id stays stable and short. */
export function boundedId(...parts: Array<string | number>): string {
  const id = parts.join("-");
  if (id.length <= MAX_ID_LENGTH) return id;
  const head = String(parts[0]).slice(0, 20);
  return `${head}-${createHash("sha1").update(id).digest("hex")}`;
}

/** The device part of an id: device id, else model, else "unknown" (external apps have no device id). */
export function deviceKey(deviceid: string | null | undefined, modelid?: number | null): string {
  if (deviceid) return deviceid;
  return modelid === null || modelid === undefined ? "unknown" : `model${modelid}`;
}

/**
 * Oldest first, one event per id (the later read wins), ties broken by id so the order is stable.
 * A record without a usable time is skipped: throwing would stop the source on it forever.
 */
export function orderEvents(events: readonly PolledEvent[]): PolledEvent[] {
  const byId = new Map<string, PolledEvent>();
  for (const e of events) {
    if (!Number.isFinite(e.time)) continue;
    if (e.id.length > MAX_ID_LENGTH) throw new Error(`Event id ${e.id} is longer than ${MAX_ID_LENGTH} characters`);
    byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface BaseMethods {
  _getCursor(): number | undefined;
  _setCursor(cursor: number): void;
  processEvents(backfill: boolean): Promise<number>;
}

const methods: BaseMethods & ThisType<PollingThis> = {
  _getCursor() {
    const v = this.db.get("cursor");
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  },
  _setCursor(cursor) {
    this.db.set("cursor", cursor);
  },
  /** Polls once and emits; returns how many events were emitted. A failure leaves the cursor where it was. */
  async processEvents(backfill) {
    const now = nowEpoch();
    const stored = this._getCursor();
    const first = backfill || stored === undefined;
    const { events, cursor } = await this.poll({ since: first ? now - BACKFILL_SPAN : stored!, now, backfill: first });
    const ordered = orderEvents(events);
    const batch = first ? ordered.slice(-BACKFILL_MAX) : ordered;
    for (const e of batch) {
      await this.$emit(e.event, { id: e.id, summary: e.summary, ts: e.time * 1000 });
    }
    // A source holding a record back reports a cursor just before it; the cursor still never goes backwards.
    this._setCursor(first ? cursor : Math.max(stored!, cursor));
    return batch.length;
  },
};

const hooks: { deploy(): Promise<void> } & ThisType<PollingThis> = {
  async deploy() {
    await this.processEvents(true);
  },
};

/** Spread into a concrete source: `...common`, `props: { ...common.props, ... }`, `methods: { ...common.methods, poll }`. */
export default {
  props: {
    withings,
    db: "$.service.db",
    timer: {
      type: "$.interface.timer",
      label: "Polling Interval",
      description: "How often to check Withings for new data, e.g. every 15 minutes.",
      default: { intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL },
    },
  },
  hooks,
  methods,
  async run(this: Pick<BaseMethods, "processEvents">) {
    await this.processEvents(false);
  },
};
