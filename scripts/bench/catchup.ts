/**
 * Request cost and memory of catching up a backlog: every polling source and every list action, against
 * the embedded simulator, compared with the floor of one request per page.
 */
import { join } from "node:path";
import { listComponents, SRC } from "../../runner/components";
import { httpPropName, runAction, SourceHost, type ComponentLike } from "../../runner/platform";
import { FileDb } from "../../runner/state";
import { addBacklog, BACKLOG_OF_SOURCE, BACKLOG_SPACING, type BacklogKind } from "../../simulator/backlog";
import { benchSim, HeapPeak, PAGE, START } from "./sim";

export interface CatchupRow {
  component: string;
  n: number;
  floor: number;
  requests: number;
  runs?: number;
  emitted?: number;
  idleAfterDeploy?: number;
  idleAfterCatchup?: number;
  peakHeapMb: number;
  seconds: number;
}

/** List actions and how to ask each for everything changed or recorded since the backlog began. */
const LIST_ACTIONS: Record<string, { kind: BacklogKind; props: (since: number, until: number) => Record<string, unknown> }> = {
  "get-measures": { kind: "weight", props: (since) => ({ lastUpdate: String(since) }) },
  "get-workouts": { kind: "workout", props: (since) => ({ lastUpdate: String(since) }) },
  "get-sleep-summary": { kind: "sleep-summary", props: (since) => ({ lastUpdate: String(since) }) },
  "get-daily-activity": { kind: "activity", props: (since) => ({ lastUpdate: String(since) }) },
  "list-ecg-recordings": { kind: "ecg", props: (since, until) => ({ startDate: String(since), endDate: String(until) }) },
  "list-stethoscope-recordings": { kind: "stetho", props: (since, until) => ({ startDate: String(since), endDate: String(until) }) },
};

async function load(kind: "actions" | "sources", slug: string): Promise<ComponentLike> {
  const mod = await import(join(SRC, kind, slug, `${slug}.ts`));
  return (mod.default?.default ?? mod.default) as ComponentLike;
}

export function sourceSlugs(): string[] {
  return listComponents("sources", "src").map((r) => r.slug).filter((s) => s in BACKLOG_OF_SOURCE);
}

/** Deploy on an empty account, N records synced at once, then timer runs until caught up, then one idle run. */
export async function catchupSource(slug: string, n: number): Promise<CatchupRow> {
  const component = await load("sources", slug);
  if (httpPropName(component)) throw new Error(`${slug} is not a polling source`);
  const env = await benchSim();
  try {
    const { sim } = env;
    const host = new SourceHost(component, { auth: env.auth(), db: new FileDb(undefined) });
    await host.deploy();
    sim.clock.advance(900);
    let r0 = env.dataRequests();
    await host.run();
    const idleAfterDeploy = env.dataRequests() - r0;
    sim.clock.advance(n * BACKLOG_SPACING + 3600);
    addBacklog(sim.data as never, sim.demoUserId, BACKLOG_OF_SOURCE[slug], n, sim.clock.now());
    sim.clock.advance(120);
    const heap = new HeapPeak();
    const t0 = performance.now();
    r0 = env.dataRequests();
    let emitted = 0;
    let runs = 0;
    while (runs < 10_000) {
      Object.assign(host.self.withings.$auth, env.auth());
      const r = await host.run();
      emitted += r.emitted.length;
      runs += 1;
      heap.sample();
      sim.clock.advance(900);
      if (typeof host.db.get("cursor") === "number") break;
    }
    const requests = env.dataRequests() - r0;
    const seconds = (performance.now() - t0) / 1000;
    sim.clock.advance(900);
    Object.assign(host.self.withings.$auth, env.auth());
    r0 = env.dataRequests();
    await host.run();
    return {
      component: slug, n, floor: Math.ceil(n / PAGE), requests, runs, emitted, idleAfterDeploy,
      idleAfterCatchup: env.dataRequests() - r0, peakHeapMb: heap.mb, seconds,
    };
  } finally {
    await env.close();
  }
}

/** A list action with Max Results above N, over a range holding the whole backlog. */
export async function catchupAction(slug: string, n: number): Promise<CatchupRow> {
  const spec = LIST_ACTIONS[slug];
  const component = await load("actions", slug);
  const env = await benchSim();
  try {
    const { sim } = env;
    const since = START;
    sim.clock.advance(n * (spec.kind === "activity" ? 0 : BACKLOG_SPACING) + 3600);
    addBacklog(sim.data as never, sim.demoUserId, spec.kind, n, sim.clock.now());
    sim.clock.advance(60);
    const heap = new HeapPeak();
    // Sampled every 20 pages while the action runs, after a forced GC.
    let pages = 0;
    const auth = env.auth();
    const t0 = performance.now();
    const r0 = env.dataRequests();
    const sampler = sim.requests.push.bind(sim.requests);
    sim.requests.push = (...entries) => {
      pages += entries.length;
      if (pages % 20 === 0) heap.sample();
      return sampler(...entries);
    };
    try {
      const props = { ...spec.props(since - 86400, sim.clock.now()), maxResults: n + 1, timezone: "Europe/Paris" };
      const r = await runAction(component, { auth, props });
      heap.sample();
      const got = Array.isArray(r.result) ? r.result.length : Number((r.result as { count?: number })?.count ?? NaN);
      return {
        component: slug, n, floor: Math.ceil(n / PAGE), requests: env.dataRequests() - r0, emitted: got,
        peakHeapMb: heap.mb, seconds: (performance.now() - t0) / 1000,
      };
    } finally {
      sim.requests.push = sampler;
    }
  } finally {
    await env.close();
  }
}

export const listActionSlugs = () => Object.keys(LIST_ACTIONS)
  .filter((s) => listComponents("actions", "src").some((r) => r.slug === s));
