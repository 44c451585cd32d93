/**
 * A small memory of records a source already emitted, for services that return a record again without
 * saying it is an edit (workouts and activity days have no creation time; the stethoscope list has no
 * change time at all). Pipedream's `unique` dedupe remembers only the last 100 ids: this keeps the ids of
 * the most recent records (by their own time), a few kilobytes at most, so a later edit of any of them is
 * not a new event.
 */
import type { PollWindow } from "./polling";

export type Seen = [id: string, time: number];

/** How many records a source remembers: about a year of workouts, or 250 days of two devices' activity. */
export const MAX_SEEN = 500;

/** Reads the stored list, dropping anything malformed rather than failing on it. */
export function storedSeen(v: unknown): Seen[] {
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is Seen => Array.isArray(x) && x.length === 2 && typeof x[0] === "string"
    && typeof x[1] === "number" && Number.isFinite(x[1]));
}

/** `stored` and `fresh` together, one entry per id, without those older than `from`, the `max` most recent kept. */
export function rememberSeen(stored: readonly Seen[], fresh: readonly Seen[],
  { from = -Infinity, max = MAX_SEEN }: { from?: number; max?: number } = {}): Seen[] {
  const byId = new Map<string, Seen>();
  for (const s of [...stored, ...fresh]) if (s[1] >= from) byId.set(s[0], s);
  return [...byId.values()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
}

interface SeenThis {
  db: { get(key: string): unknown; set(key: string, value: unknown): void };
}

interface SeenCtx {
  known?: Set<string>;
  fresh?: Seen[];
}

/** `_getSeen`/`_setSeen` and the per-run bookkeeping, for a source's methods. */
export const seenMethods = {
  _getSeen(this: SeenThis): Seen[] {
    return storedSeen(this.db.get("seen"));
  },
  _setSeen(this: SeenThis, seen: Seen[]): void {
    this.db.set("seen", seen);
  },
  /** False when `id` was emitted by an earlier run; otherwise notes it as emitted by this one (the base asks). */
  _firstSighting(this: SeenThis & { _getSeen(): Seen[] }, ctx: Record<string, unknown>, id: string, time: number): boolean {
    const c = ctx as SeenCtx;
    c.known ??= new Set(this._getSeen().map(([k]) => k));
    c.fresh ??= [];
    if (c.known.has(id)) return false;
    c.known.add(id);
    c.fresh.push([id, time]);
    return true;
  },
  /**
   * Stores what this run emitted; the polling base calls it once the run's events are emitted. A source whose
   * reads cannot return records older than some time says so with `seenFrom(window)`, and older ids are dropped.
   */
  _rememberSeen(this: SeenThis & { _getSeen(): Seen[]; _setSeen(s: Seen[]): void; seenFrom?(w: PollWindow): number },
    ctx: Record<string, unknown>, window: PollWindow): void {
    const fresh = (ctx as SeenCtx).fresh ?? [];
    if (fresh.length) this._setSeen(rememberSeen(this._getSeen(), fresh, { from: this.seenFrom?.(window) }));
  },
};
