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

/**
 * Per action: the Withings call it must make, any other calls it makes by design (`also`), and the field every
 * returned record has (or a check of the object).
 */
const EXPECTED: Record<string, {
  call: string; also?: string[]; item?: string; check?: (r: Record<string, any>, props: Record<string, unknown>) => boolean;
}> = {
  "get-daily-activity": { call: "/v2/measure getactivity", item: "date" },
  "get-intraday-activity": { call: "/v2/measure getintradayactivity", item: "timestamp" },
  "get-measures": { call: "/measure getmeas", item: "grpid" },
  "get-sleep": { call: "/v2/sleep get", item: "state" },
  "get-sleep-summary": { call: "/v2/sleep getsummary", item: "id" },
  "get-workouts": { call: "/v2/measure getworkouts", item: "category" },
  "list-devices": { call: "/v2/user getdevice", item: "model_id" },
  "list-ecg-recordings": { call: "/v2/heart list", item: "signalid" },
  "get-ecg-signal": {
    call: "/v2/heart get",
    // The recording's time and AFib result for the strip chart's header live only in Heart v2 List.
    also: ["/v2/heart list"],
    check: (r, props) => r.signalid === props.signalId && r.sample_count > 0 && r.sample_count === r.signal.length
      && r.recording?.signalid === props.signalId && typeof r.recording?.afib_result === "string",
  },
  "list-stethoscope-recordings": { call: "/v2/stetho list", item: "signalid" },
  // The demo user has no subscription yet: the list is empty, and still a list (the others need a callback URL).
  "list-notification-subscriptions": { call: "/notify list", check: (r) => Array.isArray(r) && r.length === 0 },
  "get-stethoscope-signal": {
    call: "/v2/stetho get",
    check: (r, props) => r.signalid === props.signalId && r.sample_count > 0 && r.sample_count === r.signal.length
      && r.invalid_samples === 0 && r.audio.bytes === 44 + 2 * r.sample_count,
  },
  "get-goals": {
    call: "/v2/user getgoals",
    check: (r) => {
      const goals = sim.data.goals(sim.demoUserId) as { steps?: number; sleep?: number };
      return r.steps === (goals.steps ?? null) && r.sleep_seconds === (goals.sleep ?? null) && typeof r.weight === "number";
    },
  },
};

describe.each(actions.map((a) => [a.slug, a] as const))("%s", (slug, { component }) => {
  test("runs with its defaults and returns a summary and sane decoded output", async () => {
    const props = await requiredProps(component, auth);
    const before = sim.requests.length;
    const r = await runAction(component, { auth, props });
    const calls = sim.requests.slice(before);

    expect(typeof r.summary).toBe("string");
    expect(r.summary!.length).toBeGreaterThan(10);
    expect(r.summary).not.toMatch(/undefined|NaN|Invalid Date|\[object/);
    for (const s of secrets) expect(r.summary).not.toContain(s);
    expect(insanities(r.result, secrets)).toEqual([]);
    // The Withings calls this action makes (plus, for local dates, the time-zone look-up on getmeas).
    const expected = EXPECTED[slug];
    expect(expected).toBeDefined();
    const made = new Set(calls.map((c) => `${c.path} ${c.action}`));
    expect(made.has(expected.call)).toBe(true);
    for (const c of expected.also ?? []) expect(made.has(c)).toBe(true);
    const allowed = new Set([expected.call, ...(expected.also ?? []), "/measure getmeas"]);
    expect([...made].filter((c) => !allowed.has(c))).toEqual([]);
    if (expected.item) {
      // The demo user has data in every default range: the list is not empty and holds decoded records.
      expect(Array.isArray(r.result)).toBe(true);
      const list = r.result as Array<Record<string, unknown>>;
      expect(list.length).toBeGreaterThan(0);
      for (const item of list) expect(item).toHaveProperty(expected.item);
      // The summary counts what was returned.
      expect(r.summary).toMatch(new RegExp(`\\b${list.length}\\b`));
    } else {
      expect(expected.check?.(r.result as Record<string, any>, props)).toBe(true);
    }
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
