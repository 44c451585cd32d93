import { seededRandom } from "./random";
import type { FaultKind, FaultMatch } from "./types";

/**
 * Fault injection: the next n matching requests fail, or each matching request fails with some
 * probability (seeded, so a soak run is reproducible).
 */

interface Rule { kind: FaultKind; match?: FaultMatch; remaining: number }
interface RateRule { probability: number; kinds: FaultKind[]; random: () => number; match?: FaultMatch }

export interface FaultTarget { path: string; action: string; paged: boolean }

export class Faults {
  private queue: Rule[] = [];
  private rate?: RateRule;

  failNext(n: number, kind: FaultKind, match?: FaultMatch): void {
    if (n > 0) this.queue.push({ kind, match, remaining: n });
  }

  failRate(probability: number, kinds: FaultKind[], opts: { seed?: number; match?: FaultMatch } = {}): void {
    this.rate = probability > 0 && kinds.length > 0
      ? { probability, kinds, random: seededRandom(opts.seed ?? 1), match: opts.match }
      : undefined;
  }

  clear(): void {
    this.queue = [];
    this.rate = undefined;
  }

  /** The fault to apply to this request, if any (consumes one `failNext` use). */
  pick(target: FaultTarget): FaultKind | undefined {
    const rule = this.queue.find((r) => matches(r.match, target));
    if (rule) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.queue.splice(this.queue.indexOf(rule), 1);
      return rule.kind;
    }
    if (this.rate && matches(this.rate.match, target)) {
      const { random, probability, kinds } = this.rate;
      if (random() < probability) return kinds[Math.floor(random() * kinds.length)];
    }
    return undefined;
  }
}

function matches(m: FaultMatch | undefined, t: FaultTarget): boolean {
  if (!m) return true;
  if (m.path !== undefined && m.path !== t.path) return false;
  if (m.action !== undefined && m.action !== t.action) return false;
  if (m.paged !== undefined && m.paged !== t.paged) return false;
  return true;
}
