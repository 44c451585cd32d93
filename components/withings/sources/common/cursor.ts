import type { Offset } from "../../../../common/paginate";

/**
 * A source's position in Withings' "what changed since" feed, as stored in `$.service.db` under one key.
 *
 * Most of the time it is one number: everything changed up to `since` has been emitted. When a run stops
 * before the end of a large backlog (runs do bounded work), it stores the window it was reading as well,
 * so that the next run continues from the server's offset instead of starting over:
 * `{ since, window: { opened, until, offset, pages } }`.
 */
export interface OpenWindow {
  /** Unix seconds when the window was opened: the upper bound its requests use. */
  opened: number;
  /** The server's own clock at the window's first page (getmeas `updatetime`): the next `since`. */
  until?: number;
  /** Latest `modified` of the records read so far in this window (services without a server clock). */
  latest?: number;
  /** The server's offset of the next page to read. */
  offset: Exclude<Offset, undefined>;
  /** Pages of this window read so far, across runs (orders two states with the same `since`). */
  pages: number;
}

export interface PollState {
  since: number;
  /**
   * How many windows were read to their end without moving `since` (a window may end where it began:
   * nothing changed in that server second). A finished window must still beat its own half-way state.
   */
  done?: number;
  window?: OpenWindow;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isOffset = (v: unknown): v is number | string => finite(v) || (typeof v === "string" && v !== "");

/** Reads what `toStored` wrote (or the plain number older versions stored); undefined when absent or unusable. */
export function fromStored(v: unknown): PollState | undefined {
  if (finite(v)) return { since: v };
  if (!v || typeof v !== "object") return undefined;
  const { since, done, window: w } = v as { since?: unknown; done?: unknown; window?: Partial<OpenWindow> };
  if (!finite(since)) return undefined;
  const state: PollState = { since };
  if (finite(done) && done > 0) state.done = Math.floor(done);
  if (w && finite(w.opened) && isOffset(w.offset) && finite(w.pages)) {
    const window: OpenWindow = { opened: w.opened, offset: w.offset, pages: w.pages };
    if (finite(w.until)) window.until = w.until;
    if (finite(w.latest)) window.latest = w.latest;
    state.window = window;
  }
  return state;
}

/** The stored form: a bare number unless a window is open or one was finished, so it stays a few bytes. */
export function toStored(s: PollState): number | PollState {
  if (!s.window && !s.done) return s.since;
  const out: PollState = { since: s.since };
  if (s.done) out.done = s.done;
  if (s.window) out.window = s.window;
  return out;
}

/** The state a run reaches by reading the window it started from (`from`) to its end, with the next `since`. */
export function finished(from: PollState, since: number): PollState {
  // Usually `since` moves on and the count starts again (the stored form stays a bare number). When it does
  // not (nothing changed in that server second, or a server clock behind ours: never move back), the count
  // tells this finished window from its own progress.
  if (since > from.since) return { since };
  return { since: from.since, done: (from.done ?? 0) + 1 };
}

/** The state a run reaches part way into the window it started from. */
export function inProgress(from: PollState, window: OpenWindow): PollState {
  return from.done ? { since: from.since, done: from.done, window } : { since: from.since, window };
}

/**
 * Orders two states of one cursor, negative when `a` is behind `b`: the larger `since`; then more windows
 * finished (a finished window beats its own half-way state even when it ends where it began); then a window
 * in progress beats the state it started from; then more pages into it; then a fixed order of what is left,
 * so that the order is total and two runs writing in any order agree on the winner.
 */
export function compareStates(a: PollState, b: PollState): number {
  const key = (s: PollState) => [s.since, s.done ?? 0, s.window ? 1 : 0, s.window?.pages ?? 0, s.window?.opened ?? 0];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  const oa = String(a.window?.offset ?? "");
  const ob = String(b.window?.offset ?? "");
  return oa === ob ? 0 : oa < ob ? -1 : 1;
}

/**
 * The state further along of two. Two overlapping runs both write; whichever finishes last must not move
 * the other's progress back, and a run that finished its window must not lose to that window's progress.
 */
export function furthest(a: PollState | undefined, b: PollState): PollState {
  if (!a) return b;
  return compareStates(a, b) >= 0 ? a : b;
}

/** Re-read this much before a run's start on services whose cursor is our own clock (clock skew between us and Withings). */
export const OVERLAP = 5 * 60;
/** A record changed this close to the read may have company not visible yet: read that last minute again. */
export const LAG_GUARD = 60;

/**
 * Where the next window of a service without a server clock starts, after a window opened at `opened`
 * (our clock) read records changed up to `latest` (Withings' clock). Normally `opened` minus an overlap;
 * but when records were read, never before the latest of them (unless it is within a minute of the read),
 * so a large sync stored just before a run is not read again by the next one.
 */
export function nextSince(since: number, opened: number, latest: number | undefined): number {
  const seen = latest === undefined ? -Infinity : Math.min(latest, opened - LAG_GUARD);
  return Math.max(since, opened - OVERLAP, seen);
}
