import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import type { JSONValue } from "@pipedream/types";
import withings from "../../withings.app";
import { DAY, nowEpoch } from "../../../../common/dates";
import { WithingsResponseError } from "../../../../common/errors";
import type { Offset } from "../../../../common/paginate";
import { listOf } from "../../../../common/shape";
import type { Paged } from "../../../../common/types";
import { finished, fromStored, furthest, inProgress, nextSince, OVERLAP, toStored, type OpenWindow, type PollState } from "./cursor";
import { MostRecent, orderEvents, type PolledEvent } from "./events";

export { boundedId, deviceKey, orderEvents, MAX_ID_LENGTH, type PolledEvent } from "./events";

/**
 * The shared base of every source. A run reads "what changed since the cursor" one page at a time
 * through the concrete source's `readPage`, emits each page's records as soon as it is read, and moves
 * the cursor only after they were emitted. A run does bounded work: past MAX_PAGES_PER_RUN pages or
 * RUN_BUDGET_MS it stores where it stopped (the server's offset into the same window) and the next run
 * carries on from there, so any backlog catches up at one request per page. Polling sources run it on a
 * timer; instant sources run the very same methods when Withings notifies them.
 */

export { OVERLAP } from "./cursor";
/** How far back `deploy` looks, and how many records it emits at most. */
export const BACKFILL_SPAN = 30 * DAY;
export const BACKFILL_MAX = 25;
/**
 * Pages one run reads at most, and how long it keeps starting new pages: a run ends well inside Pipedream's
 * run time limit even with Withings' retries (a page may wait 14 s for a rate limit to pass).
 */
export const MAX_PAGES_PER_RUN = 20;
export const RUN_BUDGET_MS = 15_000;

export interface PollWindow {
  /** Unix seconds: the stored cursor, or the start of the backfill. */
  since: number;
  /** Unix seconds when this window was opened: the upper bound of its requests. */
  now: number;
}

export interface PageResult {
  /** The page's records as events, in any order. */
  events: PolledEvent[];
  /** True when the server has another page of this window. */
  more: boolean;
  /** The server's offset of the next page. */
  offset?: Offset;
  /** The server's clock (getmeas `updatetime`): where the next window starts once this one is read to its end. */
  until?: number;
  /** Latest `modified` among the page's records, for services without a server clock. */
  latest?: number;
  /** The Withings action read, for error messages. */
  action?: string;
}

export interface Settled {
  events: PolledEvent[];
  commit?(): void;
}

/** Per-run scratch a source may use between pages (e.g. a weigh-in split across two pages). */
export type RunContext = Record<string, unknown>;

interface Db {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** What the base's methods see on `this`: the platform's wiring plus the concrete source's methods. */
export interface PollingThis {
  withings: any;
  db: Db;
  $emit(event: JSONValue, meta: { id: string; summary: string; ts: number }): unknown;
  readPage(window: PollWindow, offset: Offset, ctx: RunContext): Promise<PageResult>;
  /** Records held back from the last page read (a run stopping mid-window emits them). */
  flushPage?(ctx: RunContext): PolledEvent[];
  /**
   * Called once at the end of every run: events that became due without a request (e.g. a day that ended),
   * and what to store once they are emitted.
   */
  settle?(ctx: RunContext): Settled | Promise<Settled>;
  /** For sources that remember the ids they emitted (`seenMethods`): whether an id is new, and storing them. */
  _firstSighting?(ctx: RunContext, id: string, time: number): boolean;
  _rememberSeen?(ctx: RunContext, window: PollWindow): void;
  _getCursor(): unknown;
  _setCursor(cursor: unknown): void;
  processEvents(backfill: boolean): Promise<number>;
  _poll(backfill: boolean, opts?: PollOptions): Promise<PollOutcome>;
  [prop: string]: any;
}

/**
 * One page of a paged Withings call: its records (the list `key` of the body, checked: a missing or
 * mis-shaped list throws before anything is emitted or the cursor moves), `more` and the next offset.
 */
export async function fetchPage<B extends Paged, T>(app: any, fetch: (args: Record<string, unknown>) => Promise<B>,
  action: string, args: Record<string, unknown>, offset: Offset, key: string,
): Promise<{ body: B; records: readonly T[]; more: boolean; offset?: Offset; action: string; latest?: number }> {
  const body = await fetch.call(app, offset === undefined ? args : { ...args, offset });
  const records = listOf<T>(body, key, action);
  return { body, records, more: Boolean(body.more), offset: body.offset, action, latest: latestModified(records) };
}

/** The latest `modified` (unix seconds) among records, undefined when none has one. */
export function latestModified(records: readonly unknown[]): number | undefined {
  let latest: number | undefined;
  for (const r of records) {
    const m = (r as { modified?: unknown } | null)?.modified;
    if (typeof m === "number" && Number.isFinite(m) && (latest === undefined || m > latest)) latest = m;
  }
  return latest;
}

/**
 * True for a record `lastupdate` returned only because it was edited: it was created well before the
 * window (the overlap allows for records stored just before the previous answer), so it was emitted then.
 */
export function isLaterEdit(created: number | undefined, window: PollWindow): boolean {
  return typeof created === "number" && created <= window.since - OVERLAP;
}

function stuck(action: string, next: Offset): WithingsResponseError {
  return new WithingsResponseError(`Withings ${action} asked for another page but the offset did not advance `
    + `(offset ${String(next)}). Stopped to avoid reading the same page forever; try again later.`, 0, "response", action);
}

interface BaseMethods {
  _getCursor(): unknown;
  _setCursor(cursor: unknown): void;
  _commit(next: PollState): void;
  _poll(backfill: boolean, opts?: PollOptions): Promise<PollOutcome>;
  processEvents(backfill: boolean): Promise<number>;
}

export interface PollOptions {
  /** Pages this run reads at most (the time budget still applies); instant sources read on while time allows. */
  maxPages?: number;
}

export interface PollOutcome {
  emitted: number;
  /** True when the run read to the end of what changed (false: it stopped at its page or time budget). */
  complete: boolean;
}

const methods: BaseMethods & ThisType<PollingThis & BaseMethods> = {
  _getCursor() {
    return this.db.get("cursor");
  },
  _setCursor(cursor) {
    this.db.set("cursor", cursor);
  },
  /** Stores `next` unless the stored state (read again now: another run may have written) is further along. */
  _commit(next) {
    this._setCursor(toStored(furthest(fromStored(this._getCursor()), next)));
  },
  /** Reads and emits what changed since the cursor, in bounded work; returns how many events it emitted. */
  async processEvents(backfill) {
    return (await this._poll(backfill)).emitted;
  },
  /**
   * One bounded run: what it emitted and whether it read to the end. A failure leaves the cursor where the
   * last emitted page put it.
   */
  async _poll(backfill, { maxPages = MAX_PAGES_PER_RUN } = {}) {
    const started = Date.now();
    const now = nowEpoch();
    const stored = backfill ? undefined : fromStored(this._getCursor());
    const state: PollState = stored ?? { since: now - BACKFILL_SPAN };
    // A bounded backfill keeps only the most recent records of the span, in memory bounded by their number.
    const recent = stored ? undefined : new MostRecent(BACKFILL_MAX, now - BACKFILL_SPAN);
    const resumed = state.window;
    const window: PollWindow = { since: state.since, now: resumed?.opened ?? now };
    const ctx: RunContext = {};
    let emitted = 0;
    const emit = async (events: readonly PolledEvent[]) => {
      for (const e of orderEvents(events)) {
        // A source that remembers the ids it emitted (`seenMethods`) never emits one again.
        if (this._firstSighting && !this._firstSighting(ctx, e.id, e.time)) continue;
        if (recent) {
          recent.add(e);
          continue;
        }
        await this.$emit(e.event, { id: e.id, summary: e.summary, ts: e.time * 1000 });
        emitted += 1;
      }
    };
    // Events due without a request (a day that ended), then the backfill's most recent records, then what the
    // source stores once they are emitted (held days, the ids it emitted).
    const settle = async () => {
      const settled = await this.settle?.(ctx);
      await emit(settled?.events ?? []);
      for (const e of recent?.events() ?? []) {
        await this.$emit(e.event, { id: e.id, summary: e.summary, ts: e.time * 1000 });
        emitted += 1;
      }
      settled?.commit?.();
      this._rememberSeen?.(ctx, window);
    };

    let offset: Offset = resumed?.offset;
    let until = resumed?.until;
    let latest = resumed?.latest;
    let pages = resumed?.pages ?? 0;
    const seen = new Set<string>(offset === undefined ? [] : [String(offset)]);
    // Where a stop or failure leaves the cursor: the state the run started from, then past each page emitted.
    let progress: PollState = state;
    let done = false;
    try {
      for (let read = 1; ; read++) {
        const page = await this.readPage(window, offset, ctx);
        // The server's clock, from the window's first page; else the latest change read.
        if (pages === 0) until ??= page.until;
        if (page.latest !== undefined) latest = Math.max(latest ?? page.latest, page.latest);
        pages += 1;
        if (!page.more) {
          await emit(page.events);
          done = true;
          break;
        }
        const next = page.offset;
        if (next === undefined || next === null || next === "" || seen.has(String(next))) {
          throw stuck(page.action ?? "request", next);
        }
        seen.add(String(next));
        await emit(page.events);
        offset = next;
        const open: OpenWindow = { opened: window.now, offset: next, pages };
        if (until !== undefined) open.until = until;
        if (latest !== undefined) open.latest = latest;
        progress = inProgress(state, open);
        // Written after every page, so a run the platform kills does not read (and emit) those pages again.
        if (!recent) this._commit(progress);
        // A run stops at its page or time budget; the next one carries on from the stored offset.
        if (read >= maxPages || Date.now() - started >= RUN_BUDGET_MS) break;
      }
    } catch (err) {
      if (!recent) {
        // What was read before the failure is not lost with the run: held-back records are emitted, held
        // days stored, and the cursor moves past the pages emitted.
        await emit(this.flushPage?.(ctx) ?? []);
        await settle();
        this._commit(progress);
      }
      throw err;
    }
    if (!done) await emit(this.flushPage?.(ctx) ?? []);
    await settle();
    // Deploy only looks back a bounded span: whatever it did not read is history, and the cursor skips it.
    // A backfill stores a plain cursor: it starts the lineage of finished windows.
    const end = until ?? nextSince(state.since, window.now, latest);
    const next: PollState = recent ? { since: end } : done ? finished(state, end) : progress;
    if (recent) this._setCursor(toStored(next));
    else this._commit(next);
    return { emitted, complete: done || !!recent };
  },
};

const hooks: { deploy(): Promise<void> } & ThisType<PollingThis> = {
  async deploy() {
    await this.processEvents(true);
  },
};

/** Spread into a concrete source: `...common`, `props: { ...common.props, ... }`, `methods: { ...common.methods, readPage }`. */
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
