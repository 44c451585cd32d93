/** Every polling source (discovered from the folders): deploy, a quiet run, then new data, over loopback HTTP. */
import type { Simulator } from "../../simulator/types";
import { httpPropName, SourceHost, type Auth, type EmittedEvent } from "../../runner/platform";
import { addOneOfEach } from "./mutations";
import { insanities, login, requiredProps, startSim, tsComponents } from "./sim-helpers";

const sources = tsComponents("sources").filter((s) => !httpPropName(s.component));
let sim: Simulator;
let auth: Auth;
let secrets: string[];

let clock: jest.SpyInstance;

beforeAll(async () => {
  // One clock for the simulator and the components (they read Date.now()), moved by the test. It starts at
  // 10:00 UTC today, so the simulated hours of the run never cross midnight in the demo user's zone (a day
  // ending in the middle of the "quiet run" would rightly emit that finished day).
  const today10 = Math.floor(Date.now() / 1000 / 86400) * 86400 + 10 * 3600;
  sim = await startSim({ pageSize: 5, rateLimitPerMinute: 0, frozenClock: true, now: today10 });
  clock = jest.spyOn(Date, "now").mockImplementation(() => sim.clock.now() * 1000);
  auth = await login(sim);
  secrets = [auth.oauth_access_token, String(auth.oauth_refresh_token)];
});
afterAll(async () => {
  clock.mockRestore();
  await sim.close();
});

/** Time between polls; Pipedream's default is 15 minutes. */
const INTERVAL = 300;

function checkEvents(events: EmittedEvent[]): void {
  const nowMs = Date.now();
  for (const { event, meta } of events) {
    expect(typeof meta.id).toBe("string");
    expect(String(meta.id).length).toBeGreaterThan(0);
    expect(String(meta.id).length).toBeLessThanOrEqual(64);
    expect(typeof meta.summary).toBe("string");
    expect(meta.summary).not.toMatch(/undefined|NaN|Invalid Date|\[object/);
    // ts in milliseconds, not seconds.
    expect(meta.ts).toBeGreaterThan(Date.UTC(2000, 0, 1));
    expect(meta.ts).toBeLessThanOrEqual(nowMs + 2 * 86400 * 1000);
    expect(insanities(event, secrets)).toEqual([]);
  }
}
const delivered = (events: EmittedEvent[]) => events.filter((e) => !e.duplicate);

test("polling sources are discovered from the folders", () => {
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) {
    expect(s.component.key).toBe(`withings-${s.slug}`);
    expect(s.component.dedupe).toBe("unique");
  }
});

/** Which sources must see a record of the kinds addOneOfEach adds. */
const EXPECT_NEW = /weigh-in|blood-pressure|measurement|workout|sleep-summary|ecg/;

describe.each(sources.map((s) => [s.slug, s] as const))("%s", (slug, { component }) => {
  // Simulated hours pass quickly here; a fresh login keeps the 3-hour access token valid, as Pipedream does.
  beforeEach(async () => {
    auth = await login(sim);
  });

  test("deploy backfills a bounded set, a quiet run emits nothing, new data is emitted once", async () => {
    const host = new SourceHost(component, { auth, props: await requiredProps(component, auth) });
    const deploy = await host.deploy();
    checkEvents(deploy.emitted);
    expect(deploy.emitted.length).toBeLessThanOrEqual(50);
    expect(delivered(deploy.emitted).length).toBeGreaterThan(0);
    const ts = deploy.emitted.map((e) => e.meta.ts!);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));

    sim.clock.advance(INTERVAL);
    const quiet = await host.run();
    expect(delivered(quiet.emitted)).toEqual([]);

    sim.clock.advance(INTERVAL);
    const added = addOneOfEach(sim);
    sim.clock.advance(INTERVAL);
    const fresh = await host.run();
    checkEvents(fresh.emitted);
    const ids = delivered(fresh.emitted).map((e) => e.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    if (EXPECT_NEW.test(slug)) expect(ids.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);

    sim.clock.advance(INTERVAL);
    const after = await host.run();
    expect(delivered(after.emitted)).toEqual([]);
  });

  // Withings does not say whether `lastupdate` means "after" or "at or after" (the simulator takes
  // "after"), so a record stored in the very second a poll ran must still come out on the next poll.
  test("a record stored in the same second as the previous poll is emitted on the next poll", async () => {
    const host = new SourceHost(component, { auth, props: await requiredProps(component, auth) });
    sim.clock.advance(INTERVAL);
    await host.deploy();
    sim.clock.advance(INTERVAL);
    await host.run();
    addOneOfEach(sim);
    sim.clock.advance(INTERVAL);
    const next = await host.run();
    if (EXPECT_NEW.test(slug)) expect(delivered(next.emitted).length).toBeGreaterThan(0);
  });
});
