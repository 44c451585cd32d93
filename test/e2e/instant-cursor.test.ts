/**
 * Issue 15, defect 1, through the simulator: a blood-pressure monitor syncs 60 readings at once (one
 * notification each, page size 50), then 5 more arrive over the next seconds, then the Safety Check runs.
 * The simulator's clock is frozen, so the second catch-up starts in the same server second as the first:
 * its window ends where it began, and that finished window must beat its own half-way progress.
 */
import type { Simulator } from "../../simulator/types";
import { hostInstant, type InstantHost } from "../../runner/instant";
import type { Auth, ComponentLike } from "../../runner/platform";
import { FileDb } from "../../runner/state";
import bloodPressure from "../../components/withings/sources/new-blood-pressure-reading-instant/new-blood-pressure-reading-instant";
import weighIn from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import { login, startSim } from "./sim-helpers";

const START = 1795160000;
let sim: Simulator;
let auth: Auth;
let clock: jest.SpyInstance;
const hosts: InstantHost[] = [];

beforeEach(async () => {
  sim = await startSim({ pageSize: 50, rateLimitPerMinute: 0, frozenClock: true, now: START, emptyDemoUser: true });
  clock = jest.spyOn(Date, "now").mockImplementation(() => sim.clock.now() * 1000);
  auth = await login(sim);
});
afterEach(async () => {
  clock.mockRestore();
  for (const h of hosts.splice(0)) await h.close();
  await sim.close();
});

async function deployed(component: unknown, db = new FileDb(undefined)): Promise<InstantHost> {
  const h = await hostInstant(component as ComponentLike, { auth, db });
  hosts.push(h);
  await h.host.deploy();
  return h;
}
const settle = async () => {
  await sim.notifications.idle();
  for (const h of hosts) await h.idle();
};
/** Ids as a workflow receives them (after `unique` dedupe), with how often each arrived. */
function delivered(...hs: InstantHost[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const h of hs) for (const e of h.emitted) if (!e.duplicate) count.set(String(e.meta.id), (count.get(String(e.meta.id)) ?? 0) + 1);
  return count;
}

test.each([["one process", 1], ["two processes sharing one db", 2]])(
  "New Blood Pressure Reading (Instant): 60 readings at once, 5 more, the Safety Check: each emitted once (%s)",
  async (_name, processes) => {
    const db = new FileDb(undefined);
    const hs: InstantHost[] = [];
    for (let p = 0; p < processes; p++) hs.push(await deployed(bloodPressure, db));
    expect(delivered(...hs).size).toBe(0);

    // 60 readings measured a minute apart, synced in the same server second: one notification each.
    const t = sim.clock.now();
    const first = Array.from({ length: 60 }, (_v, i) =>
      sim.data.addBloodPressure(sim.demoUserId, { date: t - 3600 + i * 60, systolic: 120 + (i % 9), diastolic: 80, pulse: 60 }));
    await settle();
    // 5 more over the next seconds, each notified.
    const later = [];
    for (let i = 0; i < 5; i++) {
      sim.clock.advance(1);
      later.push(sim.data.addBloodPressure(sim.demoUserId, { date: sim.clock.now() - 5, systolic: 130, diastolic: 85, pulse: 70 }));
      await settle();
    }
    await hs[0].host.run({ timestamp: sim.clock.now(), interval_seconds: 86400 });
    await settle();

    const count = delivered(...hs);
    expect(count.size).toBe(65);
    expect([...count.values()].every((c) => c === 1)).toBe(true);
    const dates = [...first, ...later].map((g) => g.date * 1000).sort((a, b) => a - b);
    const ts = hs.flatMap((h) => h.emitted.filter((e) => !e.duplicate).map((e) => Number(e.meta.ts))).sort((x, y) => x - y);
    expect(ts).toEqual(dates);
    // Caught up: no window left open.
    expect(db.get("cursor")).toEqual(expect.not.objectContaining({ window: expect.anything() }));
  });

test("New Weigh-in (Instant): a Safety Check in the same second as a notification fetch leaves no window open", async () => {
  const h = await deployed(weighIn);
  const t = sim.clock.now();
  for (let i = 0; i < 55; i++) sim.data.addWeighIn(sim.demoUserId, { date: t - 7200 + i * 60, weightKg: 70 + i / 10, device: "body_plus" });
  await h.host.run({ timestamp: t, interval_seconds: 86400 });
  await settle();
  sim.clock.advance(2);
  sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 1, weightKg: 80, device: "body_plus" });
  await settle();
  expect(delivered(h).size).toBe(56);
  expect(db(h)).toEqual(expect.not.objectContaining({ window: expect.anything() }));
});
const db = (h: InstantHost) => h.host.db.get("cursor");
