/**
 * One fetch for a burst of notifications. A fetch that started after a notification arrived has already
 * read what that notification announced, so the notification joins it instead of starting another.
 * A notification that arrived while an older fetch was running waits for it and then starts (or joins)
 * a newer one: that older fetch may have read before the new record was stored.
 *
 * Arrivals and fetch starts are ordered by a counter, not a clock, so two events in the same millisecond
 * are never confused. Flights are per key (a source's endpoint) and live in this process only; the
 * stored "fetched from" time covers runs in other processes.
 */

let sequence = 0;
/** A position in the order of arrivals and fetch starts. */
export const mark = (): number => ++sequence;

interface Flight { startedAt: number; promise: Promise<unknown> }
const flights = new Map<string, Flight>();

export type CatchUpOutcome = "fetched" | "joined";

/** Runs `fetch` for a notification that arrived at `arrivedAt` (a `mark()`), unless a newer fetch covers it. */
export async function coalesce(key: string, arrivedAt: number, fetch: () => Promise<unknown>): Promise<CatchUpOutcome> {
  for (;;) {
    const current = flights.get(key);
    if (current && current.startedAt > arrivedAt) {
      await current.promise;
      return "joined";
    }
    if (current) {
      // Started before this notification arrived: it may have missed the record. Wait, then look again.
      await current.promise.catch(() => undefined);
      continue;
    }
    const flight: Flight = { startedAt: mark(), promise: Promise.resolve() };
    flight.promise = (async () => fetch())();
    flights.set(key, flight);
    try {
      await flight.promise;
    } finally {
      if (flights.get(key) === flight) flights.delete(key);
    }
    return "fetched";
  }
}

/** Fetches in flight, for tests and the benchmark. */
export const inFlight = (): number => flights.size;
