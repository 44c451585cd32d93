/** Every action (discovered from the folders) against the simulator over loopback HTTP, no mocks. */
import type { Simulator } from "../../simulator/types";
import { runAction, type Auth } from "../../runner/platform";
import { insanities, login, requiredProps, startSim, tsComponents } from "./sim-helpers";

// Actions on an existing subscription (or a public https URL) run in instant.test.ts, after a source subscribed.
const actions = tsComponents("actions").filter((a) => !("callbackUrl" in (a.component.props ?? {})));
let sim: Simulator;
let auth: Auth;
let secrets: string[];

beforeAll(async () => {
  // A small page size makes every paged action follow more/offset for real.
  sim = await startSim({ pageSize: 7, rateLimitPerMinute: 0 });
  auth = await login(sim);
  secrets = [auth.oauth_access_token, String(auth.oauth_refresh_token), sim.client.clientSecret];
});
afterAll(() => sim.close());

test("actions are discovered from the folders", () => {
  expect(actions.map((a) => a.slug)).toContain("get-measures");
  for (const a of actions) expect(a.component.key).toBe(`withings-${a.slug}`);
});

describe.each(actions.map((a) => [a.slug, a] as const))("%s", (_slug, { component }) => {
  test("runs with its defaults and returns a summary and sane decoded output", async () => {
    const props = await requiredProps(component, auth);
    const before = sim.requests.length;
    const r = await runAction(component, { auth, props });
    const calls = sim.requests.slice(before);

    expect(typeof r.summary).toBe("string");
    expect(r.summary!.length).toBeGreaterThan(10);
    expect(r.summary).not.toMatch(/undefined|NaN|Invalid Date|\[object/);
    for (const s of secrets) expect(r.summary).not.toContain(s);
    expect(r.result).toBeDefined();
    expect(insanities(r.result, secrets)).toEqual([]);
    if (Array.isArray(r.result)) {
      // The summary counts what was returned.
      expect(r.summary).toMatch(new RegExp(`\\b${r.result.length}\\b`));
      for (const item of r.result) expect(typeof item).toBe("object");
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.status !== 0)).toEqual([]);
  });
});

test("get-measures returns exactly the simulator's measure groups of the range, over many pages", async () => {
  const action = actions.find((a) => a.slug === "get-measures")!.component;
  const since = sim.clock.now() - 90 * 86400;
  const before = sim.requests.length;
  const r = await runAction(action, { auth, props: { startDate: String(since), maxResults: 100000 } });
  const expected = sim.data.measureGroups(sim.demoUserId)
    .filter((g) => (g.category ?? 1) === 1 && g.date >= since && g.date <= sim.clock.now())
    .map((g) => g.grpid).sort((a, b) => a - b);
  const got = (r.result as Array<{ grpid: number }>).map((g) => g.grpid).sort((a, b) => a - b);
  expect(got).toEqual(expected);
  expect(expected.length).toBeGreaterThan(20);
  expect(sim.requests.length - before).toBeGreaterThanOrEqual(Math.ceil(expected.length / 7));
});
