import type { SimClock } from "./types";

/**
 * The simulator's clock, in epoch seconds. By default it runs with real time from its start value
 * (so rate-limit minutes roll over in long runs); `set` and `advance` move it for tests.
 */
export function createClock(start: number, frozen = false): SimClock {
  let base = start;
  let realStart = Date.now();
  const elapsed = () => (frozen ? 0 : (Date.now() - realStart) / 1000);
  return {
    now: () => Math.floor(base + elapsed()),
    set(epochSeconds: number) {
      base = epochSeconds;
      realStart = Date.now();
    },
    advance(seconds: number) {
      base += seconds;
    },
  };
}
