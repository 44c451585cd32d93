/**
 * Catching up a backlog through every polling source, against the simulator: bounded runs, one request per
 * page, each record emitted exactly once (with failures between and within runs), an idle run costing one
 * request, and two overlapping runs never moving the cursor back.
 */
import type { Simulator } from "../../simulator/types";
import { addBacklog, BACKLOG_OF_SOURCE, BACKLOG_SPACING } from "../../simulator/backlog";
import { FileDb } from "../../runner/state";
import { httpPropName, runAction, SourceHost, type Auth, type EmittedEvent } from "../../runner/platform";
import { fromStored, type PollState } from "../../components/withings/sources/common/cursor";
import { MAX_PAGES_PER_RUN } from "../../components/withings/sources/common/polling";
import { login, requiredProps, startSim, tsComponents } from "./sim-helpers";

const sources = tsComponents("sources").filter((s) => !httpPropName(s.component));
const PAGE = 30;
const N = 1350; // 45 pages: three runs at 20 pages a run
const START = 1795168800; // 2026-11-20 10:00 UTC

let sim: Simulator;
let clock: jest.SpyInstance;
beforeEach(async () => {
  sim = await startSim({ pageSize: PAGE, rateLimitPerMinute: 0, frozenClock: true, now: START, emptyDemoUser: true });
  clock = jest.spyOn(Date, "now").mockImplementation(() => sim.clock.now() * 1000);
});
afterEach(async () => {
  clock.mockRestore();
  await sim.close();
});

/** A deployed source with an empty history, then N records stored at once (measured an hour apart). */
async function deployThenBacklog(slug: string, component: any, n: number, db = new FileDb(undefined),
  onEmit?: (e: EmittedEvent) => void) {
  const host = await sourceHost(component, db, onEmit);
  await host.deploy();
  sim.clock.advance(n * BACKLOG_SPACING + 3600);
  addBacklog(sim.data as never, sim.demoUserId, BACKLOG_OF_SOURCE[slug], n, sim.clock.now());
  sim.clock.advance(60);
  return { host, db, auth: await refresh(host) };
}

async function sourceHost(component: any, db: FileDb, onEmit?: (e: EmittedEvent) => void): Promise<SourceHost> {
  const auth: Auth = await login(sim);
  return new SourceHost(component, { auth, db, onEmit, props: await requiredProps(component, auth) });
}

const caughtUp = (host: SourceHost) => typeof host.db.get("cursor") === "number";

/** Hours pass in the test: a fresh token, as Pipedream keeps one. */
async function refresh(...hosts: SourceHost[]): Promise<Auth> {
  const auth = await login(sim);
  for (const h of hosts) Object.assign(h.self.withings.$auth, auth);
  return auth;
}

const dataRequests = () => sim.requests.filter((r) => !r.path.startsWith("/v2/oauth2")).length;

function emittedOnce(events: EmittedEvent[]): { ids: string[]; repeated: string[] } {
  const count = new Map<string, number>();
  for (const e of events) count.set(String(e.meta.id), (count.get(String(e.meta.id)) ?? 0) + 1);
  return { ids: [...count.keys()], repeated: [...count].filter(([, c]) => c > 1).map(([id]) => id) };
}

test("every polling source has a backlog kind", () => {
  expect(sources.map((s) => s.slug).sort()).toEqual(Object.keys(BACKLOG_OF_SOURCE).sort());
});

describe.each(sources.map((s) => [s.slug, s.component] as const))("%s", (slug, component) => {
  test(`catches up ${N} records in bounded runs at one request a page, each emitted once; then idles at one request`, async () => {
    const { host } = await deployThenBacklog(slug, component, N);
    const events: EmittedEvent[] = [];
    const before = dataRequests();
    const perRun: number[] = [];
    for (let run = 0; run < 10; run++) {
      const r0 = dataRequests();
      const { emitted } = await host.run();
      events.push(...emitted);
      perRun.push(dataRequests() - r0);
      if (caughtUp(host)) break; // no window left open
      sim.clock.advance(900);
    }
    const { ids, repeated } = emittedOnce(events);
    expect(repeated).toEqual([]);
    expect(ids).toHaveLength(N);
    expect(Math.max(...perRun)).toBeLessThanOrEqual(MAX_PAGES_PER_RUN);
    expect(perRun).toHaveLength(Math.ceil(N / PAGE / MAX_PAGES_PER_RUN));
    expect(dataRequests() - before).toBe(Math.ceil(N / PAGE));

    sim.clock.advance(900);
    const r0 = dataRequests();
    const idle = await host.run();
    expect(idle.emitted).toEqual([]);
    expect(dataRequests() - r0).toBe(1);
  });

  test("with a failure in every other run, nothing is lost and nothing is emitted twice", async () => {
    const events: EmittedEvent[] = [];
    const { host } = await deployThenBacklog(slug, component, N, undefined, (e) => events.push(e));
    let failures = 0;
    for (let run = 0; run < 20; run++) {
      // Every page after the first few of this run fails for longer than the retries last.
      if (run % 2 === 0) sim.faults.failNext(10, run % 4 === 0 ? "rate_limit" : "http_500", { paged: true });
      try {
        await host.run();
      } catch {
        failures += 1;
      }
      sim.faults.clear();
      if (caughtUp(host) && run % 2 === 1) break;
      sim.clock.advance(900);
    }
    expect(caughtUp(host)).toBe(true);
    expect(failures).toBeGreaterThan(0);
    const { ids, repeated } = emittedOnce(events);
    expect(repeated).toEqual([]);
    expect(ids).toHaveLength(N);
  });
});

test("two overlapping runs sharing one db never move the cursor back", async () => {
  const weighIn = sources.find((s) => s.slug === "new-weigh-in")!;
  const db = new FileDb(undefined);
  const written: PollState[] = [];
  const set = db.set.bind(db);
  db.set = (key: string, value: unknown) => {
    set(key, value);
    if (key === "cursor") written.push(fromStored(db.get("cursor"))!);
  };
  const { host } = await deployThenBacklog("new-weigh-in", weighIn.component, N, db);
  const slow = await sourceHost(weighIn.component, db);
  await refresh(host, slow);
  await host.run(); // pages 1-20
  // The slow run starts from that state, then waits on its first request while the other run finishes.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const getMeasures = slow.self.withings.getMeasures;
  slow.self.withings.getMeasures = async function (this: unknown, args: unknown) {
    await gate;
    return getMeasures.call(this, args);
  };
  const late = slow.run();
  await new Promise((r) => setTimeout(r, 20));
  await host.run(); // pages 21-40
  await host.run(); // pages 41-45: caught up
  const caught = fromStored(db.get("cursor"))!;
  expect(caught.window).toBeUndefined();
  release();
  await late; // reads pages 21-40 again and writes its (older) progress
  expect(fromStored(db.get("cursor"))).toEqual(caught);
  const progress = written.map((s) => [s.since, s.window ? s.window.pages : 0]);
  for (let i = 1; i < progress.length; i++) {
    const [since, pages] = progress[i];
    const [prevSince, prevPages] = progress[i - 1];
    expect(since > prevSince || (since === prevSince && pages >= prevPages)).toBe(true);
  }
});

test("New Daily Activity: an idle run costs one request and emits nothing while today is counted, then emits today once", async () => {
  const activity = sources.find((s) => s.slug === "new-daily-activity")!;
  const { host } = await deployThenBacklog("new-daily-activity", activity.component, 300);
  for (let run = 0; run < 5; run++) {
    await host.run();
    sim.clock.advance(900);
    if (caughtUp(host)) break;
  }
  // Today's row keeps changing as the watch syncs.
  const tz = sim.data.timezone(sim.demoUserId);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(sim.clock.now() * 1000));
  sim.data.addActivity(sim.demoUserId, { date: today, steps: 1200 });
  const first = await host.run();
  expect(first.emitted).toEqual([]);
  for (let i = 0; i < 3; i++) {
    sim.clock.advance(900);
    const r0 = dataRequests();
    const idle = await host.run();
    expect(idle.emitted).toEqual([]);
    expect(dataRequests() - r0).toBe(1);
  }
  sim.data.modifyActivity(sim.demoUserId, today, { steps: 4300 });
  sim.clock.advance(900);
  expect((await host.run()).emitted).toEqual([]);
  // Past midnight: today's last version is emitted once, from the db, without another request.
  sim.clock.advance(24 * 3600);
  await refresh(host);
  const r0 = dataRequests();
  const after = await host.run();
  expect(dataRequests() - r0).toBe(1);
  expect(after.emitted.map((e) => [(e.event as any).date, (e.event as any).steps])).toEqual([[today, 4300]]);
  sim.clock.advance(900);
  expect((await host.run()).emitted).toEqual([]);
});

test("Get Measures honours a Max Results above 25,000 (more than 500 pages) without a hidden cap", async () => {
  const getMeasures = tsComponents("actions").find((a) => a.slug === "get-measures")!.component;
  const n = 30_000;
  addBacklog(sim.data as never, sim.demoUserId, "weight", n, sim.clock.now());
  sim.clock.advance(60);
  const auth = await login(sim);
  const before = dataRequests();
  const r = await runAction(getMeasures, { auth, props: { lastUpdate: String(START - 1), maxResults: n + 5 } });
  const groups = r.result as Array<{ grpid: number; values: { weight: number } }>;
  expect(groups).toHaveLength(n);
  expect(new Set(groups.map((g) => g.grpid)).size).toBe(n);
  expect(groups[0].values.weight).toBe(70);
  expect(dataRequests() - before).toBe(Math.ceil(n / PAGE));
  expect(r.summary).toMatch(/^Retrieved 30000 measure groups changed since /);
});
