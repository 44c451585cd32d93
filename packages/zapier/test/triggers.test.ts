/**
 * Every data type's polling and REST-hook trigger against the simulator: newest first, the Pipedream sources' ids,
 * ISO 8601 times, at most 100 records, and hook posts read through the same readers.
 */
import type { Simulator } from "../../../simulator/types";
import { catalog, SourceHost, StateDb, type ComponentLike, type EmittedEvent } from "../../../hosts/kit";
import { simAuth } from "../../../runner/targets";
import { ymdInZone, addDays } from "../../../common/dates";
import { pollingSlugs, MAX_ITEMS } from "../src/triggers";
import { App, appTester, authData, failure, hookServer, startZapierSim, stopZapierSim, type HookServer } from "./helpers";

let sim: Simulator;
let auth: Record<string, string>;
beforeEach(async () => {
  sim = await startZapierSim();
  auth = authData(sim);
});
afterEach(async () => {
  await stopZapierSim(sim);
});

const key = (slug: string) => slug.replace(/-/g, "_");
const HOUR = 3600;

/** Adds one new record of the type to the demo user and returns nothing: the triggers must find it on their own. */
function addRecord(slug: string): void {
  const u = sim.demoUserId;
  const now = sim.clock.now();
  switch (slug) {
    case "new-measurement":
    case "new-weigh-in":
      sim.data.addWeighIn(u, { date: now - 60, weightKg: 71.3, fatRatio: 18.4, device: "body_plus" });
      break;
    case "new-blood-pressure-reading":
      sim.data.addBloodPressure(u, { date: now - 60, systolic: 118, diastolic: 76, pulse: 61 });
      break;
    case "new-daily-activity": {
      const tz = sim.data.timezone(u);
      sim.data.modifyActivity(u, addDays(ymdInZone(now, tz), -1), { steps: 12345 });
      break;
    }
    case "new-sleep-summary":
      sim.data.addSleepSummary(u, { startdate: now - 8 * HOUR, enddate: now - HOUR });
      break;
    case "new-workout":
      sim.data.addWorkout(u, { startdate: now - 2 * HOUR, enddate: now - HOUR, category: 2 });
      break;
    case "new-ecg-recording":
      sim.data.addEcg(u, { timestamp: now - 120 });
      break;
    case "new-stethoscope-recording":
      sim.data.addStetho(u, { timestamp: now - 120 });
      break;
    default:
      throw new Error(`no record maker for ${slug}`);
  }
}

/** The Pipedream source deployed on the same account (Pipedream's own HTTP): its backfill's events, oldest first. */
async function pipedreamBackfill(slug: string): Promise<EmittedEvent[]> {
  const events: EmittedEvent[] = [];
  const host = new SourceHost(catalog.sources[slug], {
    auth: simAuth(sim, { access_token: auth.access_token, refresh_token: auth.refresh_token, userid: auth.userid } as never),
    db: new StateDb(),
    onEmit: (e) => events.push(e),
  });
  await host.deploy();
  return events.filter((e) => !e.duplicate);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const TIME_KEYS = ["date_iso", "start_iso", "end_iso", "time_iso", "created", "modified"];

test("every polling source has a polling and an instant trigger", () => {
  expect(pollingSlugs()).toHaveLength(8);
  for (const slug of pollingSlugs()) {
    expect(App.triggers[key(slug)].operation.type).toBe("polling");
    expect(App.triggers[`${key(slug)}_instant`].operation.type).toBe("hook");
  }
});

describe.each(pollingSlugs())("%s", (slug) => {
  const trigger = () => App.triggers[key(slug)];
  const hook = () => App.triggers[`${key(slug)}_instant`];

  test("polling: newest first, Pipedream's ids, ISO 8601 times with offsets, at most 100, labelled fields", async () => {
    addRecord(slug);
    const records = await appTester(trigger().operation.perform, { authData: auth, inputData: {}, meta: {} }) as Array<Record<string, unknown>>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(typeof r.id).toBe("string");
      for (const k of TIME_KEYS) if (r[k] !== undefined && r[k] !== null) expect(String(r[k])).toMatch(ISO);
      for (const k of ["startdate", "enddate", "timestamp"]) expect(typeof r[k]).not.toBe("number");
    }
    // Newest first: by the record's own time.
    const times = records.map((r) => Date.parse(String(r.date_iso ?? r.start_iso ?? r.time_iso ?? `${r.date}T00:00:00Z`)));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);

    // The editor's three samples are the three most recent records of the Pipedream source's backfill, same ids.
    const samples = await appTester(trigger().operation.perform, { authData: auth, inputData: {}, meta: { isLoadingSample: true } }) as Array<Record<string, unknown>>;
    const pipedream = (await pipedreamBackfill(slug)).map((e) => String(e.meta.id)).reverse().slice(0, 3);
    expect(samples.map((r) => r.id)).toEqual(pipedream);

    // Output fields: every key of a record is labelled (units in the label where the value has one).
    const labelled = new Set(trigger().operation.outputFields.map((f: { key: string }) => f.key.split(/__|\[\]/)[0]));
    for (const k of Object.keys(records[0])) expect(labelled.has(k)).toBe(true);
    expect(trigger().operation.sample.id).toBeTruthy();
  });

  test("REST hook: subscribe, a notification read through the same readers, performList keys = perform keys, unsubscribe", async () => {
    const hooks: HookServer = await hookServer();
    try {
      const targetUrl = `${hooks.url}/hooks/zap-1`;
      const otherZap = `${hooks.url}/hooks/zap-2`;
      const subscribeData = await appTester(hook().operation.performSubscribe, { authData: auth, inputData: {}, targetUrl }) as { id: string; callbackurl: string; applis: number[] };
      await appTester(hook().operation.performSubscribe, { authData: auth, inputData: {}, targetUrl: otherZap });
      const subs = sim.notifications.subscriptions(sim.demoUserId);
      expect(subscribeData.callbackurl).toBe(targetUrl);
      expect(subs.filter((s) => s.callbackurl === targetUrl).map((s) => s.appli).sort()).toEqual([...subscribeData.applis].sort());
      expect(subs.filter((s) => s.callbackurl === targetUrl).every((s) => s.comment === "Zapier")).toBe(true);
      // A second Zap for the same user has its own subscriptions.
      expect(subs.some((s) => s.callbackurl === otherZap)).toBe(true);

      addRecord(slug);
      await sim.notifications.idle();
      const posts = hooks.posts.filter((p) => p.path === "/hooks/zap-1");
      const polled = await appTester(App.triggers[key(slug)].operation.perform, { authData: auth, inputData: {}, meta: {} }) as Array<Record<string, unknown>>;
      if (slug === "new-stethoscope-recording") {
        // Withings documents no notification for heart sounds; a post from the categories it subscribed still reads them.
        posts.push({ path: "/hooks/zap-1", body: `userid=${sim.demoUserId}&appli=54&startdate=${sim.clock.now() - 300}&enddate=${sim.clock.now()}` });
      }
      expect(posts.length).toBeGreaterThan(0);
      const results: Array<Record<string, unknown>> = [];
      for (const p of posts) {
        const got = await appTester(hook().operation.perform, { authData: auth, inputData: {}, rawRequest: { content: p.body, headers: {} } } as never) as Array<Record<string, unknown>>;
        results.push(...got);
      }
      expect(results.length).toBeGreaterThan(0);
      // The newest polled record came with the notification, with the same id and the same fields.
      const newest = polled[0];
      const same = results.find((r) => r.id === newest.id);
      expect(same).toBeDefined();
      expect(same).toEqual(newest);

      const list = await appTester(hook().operation.performList, { authData: auth, inputData: {}, meta: {} }) as Array<Record<string, unknown>>;
      const twin = list.find((r) => r.id === same!.id)!;
      expect(Object.keys(twin).sort()).toEqual(Object.keys(same!).sort());

      // A post for another user, or that is not a notification, triggers nothing.
      const foreign = await appTester(hook().operation.perform, { authData: auth, rawRequest: { content: posts[0].body.replace(/userid=\d+/, "userid=999999") } } as never);
      expect(foreign).toEqual([]);
      expect(await appTester(hook().operation.perform, { authData: auth, rawRequest: { content: "hello=1" } } as never)).toEqual([]);

      await appTester(hook().operation.performUnsubscribe, { authData: auth, inputData: {}, targetUrl, subscribeData } as never);
      const left = sim.notifications.subscriptions(sim.demoUserId);
      expect(left.some((s) => s.callbackurl === targetUrl)).toBe(false);
      expect(left.some((s) => s.callbackurl === otherZap)).toBe(true);
    } finally {
      await hooks.close();
    }
  });
});

test("what a trigger costs in Withings requests (the README's table): one read per poll or notification", async () => {
  const reads = () => sim.requests.filter((r) => r.path !== "/v2/oauth2").length;
  for (const slug of pollingSlugs()) {
    const before = reads();
    await appTester(App.triggers[key(slug)].operation.perform, { authData: auth, inputData: {}, meta: {} });
    expect([slug, reads() - before]).toEqual([slug, 1]);
  }
  const hooks = await hookServer();
  try {
    const before = reads();
    const sub = await appTester(App.triggers.new_measurement_instant.operation.performSubscribe, { authData: auth, inputData: {}, targetUrl: `${hooks.url}/m` }) as { applis: number[] };
    // One list, then one subscribe per notification category (1, 2 and 4 for every measure type).
    expect(sub.applis).toEqual([1, 2, 4]);
    expect(reads() - before).toBe(1 + sub.applis.length);
  } finally {
    await hooks.close();
  }
});

test("measurement type filter and unit system reach the source's props", async () => {
  sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 60, weightKg: 80, device: "body_plus" });
  const records = await appTester(App.triggers.new_weigh_in.operation.perform, { authData: auth, inputData: { unitSystem: "imperial" }, meta: {} }) as Array<Record<string, unknown>>;
  expect(records[0]).toHaveProperty("weight_lb");
  const bad = await failure(appTester(App.triggers.new_measurement.operation.perform, { authData: auth, inputData: { measureTypes: ["abc"] }, meta: {} }));
  expect(bad.message).toMatch(/measureTypes/);
});

test("a subscription Withings refuses (its HEAD check fails) says to use the polling trigger", async () => {
  const err = await failure(appTester(App.triggers.new_weigh_in_instant.operation.performSubscribe, {
    authData: auth, inputData: {}, targetUrl: "http://127.0.0.1:9/nothing-listens-here",
  }));
  expect(err.message).toMatch(/polling trigger/);
});

test("a 30 s poll budget: a poll of a year of backlog returns within Zapier's limits", async () => {
  const started = Date.now();
  const records = await appTester(App.triggers.new_measurement.operation.perform, { authData: auth, inputData: {}, meta: {} }) as unknown[];
  expect(records.length).toBeLessThanOrEqual(MAX_ITEMS);
  expect(Date.now() - started).toBeLessThan(30_000);
});

export type { ComponentLike };
