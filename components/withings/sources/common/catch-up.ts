import { coalesce, mark } from "./coalesce";
import type { PollOutcome, PollOptions } from "./polling";

/**
 * How an instant source reads what a notification announced, and what it owes when it cannot. A read goes on
 * past the polling page cap while the run's time budget allows; a read cut short (or failed) stores a pending
 * marker, and so does a notification the unverified-post bound defers. The next invocation of any kind (a
 * notification, even one it ignores, or the Safety Check) reads what is pending first. Only a completed read
 * counts as covering the notifications that arrived before it started.
 */

/** Where the connected account's userid is unknown, fetch at most this often for unverified posts. */
export const UNVERIFIED_MIN_INTERVAL_MS = 60_000;

/** When a notification arrived: its place in the order of fetches (see coalesce.ts) and the wall clock. */
export interface Arrival { seq: number; ms: number }
export const arrivalNow = (): Arrival => ({ seq: mark(), ms: Date.now() });

/** A read owed since `at` (ms); `due` when a deferred notification waits for the unverified bound. */
export interface Pending { at: number; due?: number }

export const HOOK_KEYS = {
  subscriptions: "webhook_subscriptions",
  fetchedFrom: "webhook_fetched_from",
  unverifiedAt: "webhook_unverified_at",
  checkedAt: "webhook_checked_at",
  pending: "webhook_pending",
} as const;

interface CatchUpThis {
  db: { get(key: string): unknown; set(key: string, value: unknown): void };
  http?: { endpoint?: string };
  processEvents?: (backfill: boolean) => Promise<unknown>;
  _poll?: (backfill: boolean, opts?: PollOptions) => Promise<PollOutcome>;
  _hookGet(key: keyof typeof HOOK_KEYS): unknown;
  _hookSet(key: keyof typeof HOOK_KEYS, value: unknown): void;
  _connectedUserid(): string | undefined;
  [name: string]: any;
}

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export const catchUpMethods: ThisType<CatchUpThis> & Record<string, (...args: any[]) => any> = {
  _getPending(): Pending | undefined {
    const p = this._hookGet("pending") as Partial<Pending> | null | undefined;
    if (!p || !num(p.at)) return undefined;
    return num(p.due) ? { at: p.at, due: p.due } : { at: p.at };
  },
  /** Notes a read owed since `at`, keeping the earliest owed time (another process may have noted one). */
  _owe(at: number, due?: number): void {
    const held = this._getPending();
    const next: Pending = { at: Math.min(at, held?.at ?? at) };
    const keepDue = due ?? held?.due;
    if (keepDue !== undefined) next.due = keepDue;
    this._hookSet("pending", next);
  },
  _wait(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, Math.max(0, ms)));
  },

  /**
   * Reads what changed since the cursor, emits it and moves the cursor: the twin's run, once for a burst of
   * notifications (see coalesce.ts), without the page cap while time allows. A read cut short or failed is
   * owed to the next invocation.
   */
  async catchUp(arrival: Arrival): Promise<string> {
    if (typeof this.processEvents !== "function") return "nothing to fetch";
    // Another process completed a read that started after this notification arrived: it covers it.
    const fetchedFrom = this._hookGet("fetchedFrom") as number | undefined;
    if (num(fetchedFrom) && fetchedFrom > arrival.ms) return "covered";
    return coalesce(this.http?.endpoint || "default", arrival.seq, async () => {
      const begun = Date.now();
      let outcome: PollOutcome | undefined;
      try {
        outcome = this._poll
          ? await this._poll(false, { maxPages: Infinity })
          : { emitted: 0, complete: (await this.processEvents!(false), true) };
      } finally {
        if (outcome?.complete) {
          const stored = this._hookGet("fetchedFrom") as number | undefined;
          this._hookSet("fetchedFrom", Math.max(begun, num(stored) ? stored : 0));
          const pending = this._getPending();
          if (pending && pending.at < begun) this._hookSet("pending", null);
        } else {
          this._owe(begun);
        }
      }
    });
  },
  /** False (and remembers the time) when an unverifiable post comes sooner than the bounded rate allows. */
  _unverifiedAllowed(): boolean {
    const last = this._hookGet("unverifiedAt") as number | undefined;
    const now = Date.now();
    if (num(last) && now - last >= 0 && now - last < UNVERIFIED_MIN_INTERVAL_MS) return false;
    this._hookSet("unverifiedAt", now);
    return true;
  },
  /**
   * An unverified notification that came sooner than the bound allows: it is owed, and this invocation waits
   * until the bound allows and reads it (one invocation waits at a time; later ones leave it to that one). A
   * read that still cannot start stays owed to the next invocation.
   */
  async _deferUnverified(arrival: Arrival): Promise<string> {
    const last = this._hookGet("unverifiedAt") as number;
    const due = last + UNVERIFIED_MIN_INTERVAL_MS;
    const held = this._getPending();
    if (held?.due !== undefined && held.due > Date.now() && held.at <= arrival.ms) {
      return "deferred: an invocation already waits to read it";
    }
    this._owe(arrival.ms, due);
    await this._wait(due - Date.now());
    const done = await this._pickUpPending(arrival);
    return done ? `deferred, then ${done}` : "deferred: read by the next invocation";
  },
  /**
   * Reads what an earlier invocation owed, if anything, within the unverified bound unless the account is
   * known; returns what was done, or undefined when nothing was read.
   */
  async _pickUpPending(arrival: Arrival): Promise<string | undefined> {
    if (typeof this.processEvents !== "function" || !this._getPending()) return undefined;
    if (!this._unverifiedAllowed()) return undefined;
    return this.catchUp(arrival);
  },
};
