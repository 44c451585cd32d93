/** An embedded simulator whose clock drives the components' clock, with fresh tokens on demand. */
import { startSimulator } from "../../simulator/index";
import type { Simulator } from "../../simulator/types";
import type { Auth } from "../../runner/platform";

export const PAGE = 50;
export const START = 1795168800; // 2026-11-20 10:00 UTC

export async function benchSim(): Promise<{ sim: Simulator; auth: () => Auth; dataRequests: () => number; close: () => Promise<void> }> {
  const sim = await startSimulator({ seed: 3, pageSize: PAGE, rateLimitPerMinute: 0, frozenClock: true, now: START, emptyDemoUser: true });
  const realNow = Date.now;
  Date.now = () => sim.clock.now() * 1000;
  return {
    sim,
    // Simulated hours pass between runs: a fresh token each time, as Pipedream keeps one fresh.
    auth: () => {
      const t = sim.issueTokens();
      return { oauth_access_token: t.access_token, oauth_refresh_token: t.refresh_token, oauth_uid: t.userid, base_url: sim.url };
    },
    dataRequests: () => sim.requests.length,
    close: async () => {
      Date.now = realNow;
      await sim.close();
    },
  };
}

/** Peak heap above a baseline, each sample taken right after a forced GC (run node with --expose-gc). */
export class HeapPeak {
  private readonly base: number;
  peak = 0;
  constructor() {
    this.base = HeapPeak.now();
  }
  static now(): number {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  }
  sample(): void {
    this.peak = Math.max(this.peak, HeapPeak.now() - this.base);
  }
  get mb(): number {
    return Math.max(0, this.peak) / 1024 / 1024;
  }
}

export const gcAvailable = () => typeof (globalThis as { gc?: unknown }).gc === "function";
