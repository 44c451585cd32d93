/**
 * Soak: every polling source runs 500+ poll cycles while the simulator gains and edits records between
 * cycles and fails about one request in five (rate limit, timeout, HTTP 500, malformed JSON), with no
 * retries so the failures surface as failed runs. What the platform delivers (after its `unique`
 * dedupe of the last 100 ids) must hold every record exactly once: compared with a twin of the source
 * that polls the same simulator between cycles with no faults, and with the records the soak added.
 */
import { ymdInZone } from "../../common/dates";
import { sessionId } from "../../common/decode/sessions";
import type { Simulator } from "../../simulator/types";
import { httpPropName, SourceHost, UNIQUE_DEDUPE_IDS, type Auth, type EmittedEvent } from "../../runner/platform";
import { FileDb } from "../../runner/state";
import { modifySomething } from "./mutations";
import { seededRandom } from "../../simulator/random";
import { oauthApp } from "../../runner/auth";
import { simEndpoints } from "../../runner/targets";
import { APP, login, startSim, tsComponents, type LoadedComponent } from "./sim-helpers";

const CYCLES = Number(process.env.SOAK_CYCLES ?? 500);
/** Simulated time between polls (the components and the simulator share this clock). */
const INTERVAL = 180;  // 500 cycles span 25 h, so a day always ends during the soak
const FAULTS = ["rate_limit", "timeout", "http_500", "malformed_json"] as const;
const sources = tsComponents("sources").filter((s) => !httpPropName(s.component));

jest.setTimeout(240000);

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.WITHINGS_RETRIES;
  process.env.WITHINGS_RETRIES = "0";
});
afterAll(() => {
  if (saved === undefined) delete process.env.WITHINGS_RETRIES;
  else process.env.WITHINGS_RETRIES = saved;
});

/** Adds the kind of record a source is about, and returns the event id the source should give it. */
function adder(slug: string): ((sim: Simulator, i: number) => string | undefined) | undefined {
  const at = (sim: Simulator, _i: number) => sim.clock.now() - 60;
  const user = (sim: Simulator) => sim.demoUserId;
  const weighIn = (sim: Simulator, i: number) => {
    const groups = sim.data.addWeighIn(user(sim), { date: at(sim, i), weightKg: 70 + (i % 50) / 10, fatRatio: 18, device: "body_plus" });
    return sessionId(groups[0].date, dev(groups[0].deviceid));
  };
  const bp = (sim: Simulator, i: number) => {
    const g = sim.data.addBloodPressure(user(sim), { date: at(sim, i) + 5, systolic: 115 + (i % 20), diastolic: 75, pulse: 60 });
    return sessionId(g.date, dev(g.deviceid));
  };
  if (slug.includes("weigh-in")) return weighIn;
  if (slug.includes("blood-pressure")) return bp;
  if (slug.includes("measurement")) return (sim, i) => (i % 2 ? weighIn(sim, i) : bp(sim, i));
  if (slug.includes("workout")) {
    return (sim, i) => String(sim.data.addWorkout(user(sim), { startdate: at(sim, i) - 1800, enddate: at(sim, i), category: 1 + (i % 3) }).id);
  }
  if (slug.includes("sleep-summary")) {
    return (sim, i) => String(sim.data.addSleepSummary(user(sim), { startdate: at(sim, i) - 7 * 3600, enddate: at(sim, i) }).id);
  }
  if (slug.includes("ecg")) {
    // An ECG is a deliberate act: one every tenth poll (still far more than a person records).
    return (sim, i) => {
      if (i % 10) return undefined;
      const r = sim.data.addEcg(user(sim), { timestamp: at(sim, i) });
      return r.ecg ? `ecg-${r.ecg.signalid}` : undefined;
    };
  }
  if (slug.includes("daily-activity")) {
    // Today's steps keep changing; when the day ends it becomes a finished day to emit.
    return (sim, i) => {
      const day = ymdInZone(sim.clock.now(), sim.data.timezone(user(sim)));
      try {
        sim.data.modifyActivity(user(sim), day, { steps: 500 + i * 37 });
      } catch {
        sim.data.addActivity(user(sim), { date: day, steps: 500 + i * 37, source: "watch" });
      }
      return undefined;
    };
  }
  return undefined;
}

const dev = (d: string | number | null | undefined) => (d === null || d === undefined ? null : String(d));

/**
 * How many times the platform delivers each id, replayed here from every raw `$emit` with Pipedream's
 * `unique` dedupe (it remembers the last UNIQUE_DEDUPE_IDS ids), independently of the runner's own flag:
 * a repeat inside that window is dropped, one after it is delivered again and counted.
 */
function deliveries(events: readonly EmittedEvent[], window = UNIQUE_DEDUPE_IDS): Map<string, number> {
  const m = new Map<string, number>();
  const recent: string[] = [];
  for (const e of events) {
    const id = String(e.meta.id);
    if (recent.includes(id)) continue;
    recent.push(id);
    if (recent.length > window) recent.shift();
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  return m;
}
const countById = (events: EmittedEvent[]) => deliveries(events);

async function soak({ slug, component }: LoadedComponent) {
  const sim = await startSim({ seed: 11, pageSize: 4, rateLimitPerMinute: 0, frozenClock: true, now: Math.floor(Date.now() / 1000) });
  // The components read Date.now(); tie it to the simulator's clock so hours pass in milliseconds.
  const clock = jest.spyOn(Date, "now").mockImplementation(() => sim.clock.now() * 1000);
  try {
    const auth: Auth = await login(sim);
    // Pipedream keeps the access token fresh; so does the soak, well before its 3 h lifetime ends.
    const oauth = oauthApp(APP, simEndpoints(sim));
    let refreshAt = sim.clock.now() + 2 * 3600;
    const keepFresh = async () => {
      if (sim.clock.now() < refreshAt) return;
      const t = await oauth.refreshToken({ ...sim.client, refreshToken: String(auth.oauth_refresh_token) });
      Object.assign(auth, { oauth_access_token: t.access_token, oauth_refresh_token: t.refresh_token });
      for (const h of [host, twin]) Object.assign(h.self.withings.$auth, auth);
      refreshAt = sim.clock.now() + 2 * 3600;
    };
    // Deterministic, so a failing soak can be replayed.
    const rnd = seededRandom(slug.length * 7919);
    const add = adder(slug);
    const events: EmittedEvent[] = [];
    const twinEvents: EmittedEvent[] = [];
    const host = new SourceHost(component, { auth, db: new FileDb(undefined), onEmit: (e) => events.push(e) });
    const twin = new SourceHost(component, { auth, db: new FileDb(undefined), onEmit: (e) => twinEvents.push(e) });
    await host.deploy();
    await twin.deploy();
    const added = new Set<string>();
    let failed = 0;
    for (let i = 0; i < CYCLES; i++) {
      sim.clock.advance(INTERVAL);
      await keepFresh();
      const id = add?.(sim, i);
      if (id) added.add(id);
      if (rnd() < 0.3) modifySomething(sim, rnd);
      sim.faults.failRate(0.2, [...FAULTS], { seed: i + 1 });
      try {
        await host.run();
      } catch {
        failed++;
      }
      sim.faults.clear();
      await twin.run();
    }
    sim.faults.clear();
    sim.clock.advance(INTERVAL);
    await keepFresh();
    await host.run();
    const got = countById(events);
    const expected = countById(twinEvents);
    const counts = {
      source: slug, cycles: CYCLES, failedRuns: failed, events: [...got.values()].reduce((a, b) => a + b, 0),
      rawEmits: events.length, delivered: events.filter((e) => !e.duplicate).length, uniqueIds: got.size,
      expected: expected.size, added: added.size,
    };
    console.log(`soak ${JSON.stringify(counts)}`);
    return { counts, got, expected, added };
  } finally {
    clock.mockRestore();
    await sim.close();
  }
}

test("a repeat is dropped inside the dedupe window and counted again after it", () => {
  const emit = (id: string): EmittedEvent => ({ event: {}, meta: { id }, duplicate: false });
  const others = Array.from({ length: UNIQUE_DEDUPE_IDS }, (_, i) => emit(`other-${i}`));
  expect(deliveries([emit("a"), emit("a"), ...others.slice(1)]).get("a")).toBe(1);
  expect(deliveries([emit("a"), ...others, emit("a")]).get("a")).toBe(2);
});

test("at least 500 cycles are configured", () => {
  expect(CYCLES).toBeGreaterThanOrEqual(process.env.SOAK_CYCLES ? 1 : 500);
  expect(sources.length).toBeGreaterThan(0);
});

describe.each(sources.map((s) => [s.slug, s] as const))("%s", (_slug, source) => {
  test("every record delivered exactly once, none lost, under 20% faults", async () => {
    const { counts, got, expected, added } = await soak(source);
    // Failures really happened, and the source recovered from them.
    expect(counts.failedRuns).toBeGreaterThan(CYCLES / 20);
    // Every id delivered exactly once, and the runner's dedupe flags agree with the replay.
    expect([...got.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(counts.events).toBe(counts.delivered);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...added].filter((id) => !got.has(id))).toEqual([]);
  });
});
