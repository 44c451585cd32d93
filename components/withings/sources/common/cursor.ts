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
  window?: OpenWindow;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isOffset = (v: unknown): v is number | string => finite(v) || (typeof v === "string" && v !== "");

/** Reads what `toStored` wrote (or the plain number older versions stored); undefined when absent or unusable. */
export function fromStored(v: unknown): PollState | undefined {
  if (finite(v)) return { since: v };
  if (!v || typeof v !== "object") return undefined;
  const { since, window: w } = v as { since?: unknown; window?: Partial<OpenWindow> };
  if (!finite(since)) return undefined;
  if (w && finite(w.opened) && isOffset(w.offset) && finite(w.pages)) {
    const window: OpenWindow = { opened: w.opened, offset: w.offset, pages: w.pages };
    if (finite(w.until)) window.until = w.until;
    if (finite(w.latest)) window.latest = w.latest;
    return { since, window };
  }
  return { since };
}

/** The stored form: a bare number unless a window is open, so the usual state stays a few bytes. */
export function toStored(s: PollState): number | PollState {
  return s.window ? { since: s.since, window: s.window } : s.since;
}

/**
 * The state further along of two: the larger `since`, then the more pages read into the same window.
 * Two overlapping runs both write; whichever finishes last must not move the other's progress back.
 */
export function furthest(a: PollState | undefined, b: PollState): PollState {
  if (!a) return b;
  if (a.since !== b.since) return a.since > b.since ? a : b;
  if (!a.window) return b.window ? b : a;
  if (!b.window) return a;
  return b.window.pages > a.window.pages ? b : a;
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
