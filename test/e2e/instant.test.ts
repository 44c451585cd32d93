/** Instant sources against the simulator over loopback HTTP: subscribe, notify, fetch, emit, revoke. */
import type { Simulator } from "../../simulator/types";
import { hostInstant, type InstantHost } from "../../runner/instant";
import type { Auth, ComponentLike } from "../../runner/platform";
import weighIn from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import weighInPolling from "../../components/withings/sources/new-weigh-in/new-weigh-in";
import unlinked from "../../components/withings/sources/account-unlinked-instant/account-unlinked-instant";
import bed from "../../components/withings/sources/bed-presence-changed-instant/bed-presence-changed-instant";
import sleep from "../../components/withings/sources/new-sleep-summary-instant/new-sleep-summary-instant";
import { propOptions, runAction, SourceHost } from "../../runner/platform";
import listAction from "../../components/withings/actions/list-notification-subscriptions/list-notification-subscriptions";
import getAction from "../../components/withings/actions/get-notification-subscription/get-notification-subscription";
import updateAction from "../../components/withings/actions/update-notification-subscription/update-notification-subscription";
import revokeAction from "../../components/withings/actions/revoke-notification-subscription/revoke-notification-subscription";
import { login, startSim } from "./sim-helpers";

let sim: Simulator;
let auth: Auth;
const hosts: InstantHost[] = [];

beforeEach(async () => {
  sim = await startSim({ rateLimitPerMinute: 0 });
  auth = await login(sim);
});
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await sim.close();
});

async function deployed(component: unknown, props: Record<string, unknown> = {}): Promise<InstantHost> {
  const h = await hostInstant(component as ComponentLike, { auth, props });
  hosts.push(h);
  await h.host.deploy();
  return h;
}
const fresh = (h: InstantHost) => h.emitted.filter((e) => !e.duplicate);
const settle = async (h: InstantHost) => {
  await sim.notifications.idle();
  await h.idle();
};
const dataRequests = () => sim.requests.filter((r) => r.path !== "/notify" && r.path !== "/v2/oauth2");

test("a weigh-in reaches New Weigh-in (Instant) as one event, with the polling twin's id and shape", async () => {
  const h = await deployed(weighIn);
  expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([
    { userid: sim.demoUserId, appli: 1, callbackurl: h.url, comment: "Pipedream" },
  ]);
  const backfill = fresh(h).length;
  expect(backfill).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 1100));

  const [group] = sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 30, weightKg: 70.2, fatRatio: 19.5, device: "body_plus" });
  await settle(h);
  const events = fresh(h).slice(backfill);
  expect(events).toHaveLength(1);
  expect(events[0].event).toMatchObject({ weight_kg: 70.2, fat_ratio_percent: 19.5, grpids: [group.grpid] });
  const delivery = sim.notifications.deliveries.find((d) => d.form.appli === "1" && d.ok)!;
  expect(delivery.delayMs).toBeLessThan(1000);

  // The polling twin deployed on the same account emits the same id for the same weigh-in.
  const twin = new SourceHost(weighInPolling as unknown as ComponentLike, { auth });
  const r = await twin.deploy();
  expect(r.emitted.map((e) => e.meta.id)).toContain(events[0].meta.id);
});

test("activate skips what exists; deactivate revokes, and a second deactivate does not throw", async () => {
  const h = await deployed(sleep);
  await h.host.deploy(); // deploy again: list shows appli 44 for this URL, nothing new is subscribed
  const subscribes = sim.requests.filter((r) => r.path === "/notify" && r.action === "subscribe");
  expect(subscribes).toHaveLength(1);
  expect(sim.notifications.subscriptions(sim.demoUserId)).toHaveLength(1);
  await h.host.deactivate();
  expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([]);
  await expect(h.host.deactivate()).resolves.toBeDefined();
});

test("the same notification twice, and a retried delivery, give no second event", async () => {
  const h = await deployed(sleep);
  const before = fresh(h).length;
  await new Promise((r) => setTimeout(r, 1100));
  const now = sim.clock.now();
  sim.data.addSleepSummary(sim.demoUserId, { startdate: now - 8 * 3600, enddate: now - 60 });
  await settle(h);
  expect(fresh(h).length - before).toBe(1);
  const form = sim.notifications.deliveries.at(-1)!.form;
  for (let i = 0; i < 2; i++) {
    const res = await fetch(h.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
    expect(res.status).toBe(200);
  }
  await h.idle();
  expect(fresh(h).length - before).toBe(1);
});

test("a delivery that fails is retried on Withings' schedule and still gives one event", async () => {
  const h = await deployed(weighIn);
  const before = fresh(h).length;
  await new Promise((r) => setTimeout(r, 1100));
  // The endpoint is down for the first attempt and back for the retry, 50 ms later.
  const port = Number(new URL(h.url).port);
  await h.endpoint.close();
  sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 10, weightKg: 71, device: "manual" });
  while (!sim.notifications.deliveries.some((d) => !d.ok)) await new Promise((r) => setTimeout(r, 2));
  await h.endpoint.listen(port);
  await settle(h);
  expect(sim.notifications.deliveries.map((d) => [d.attempt, d.ok])).toEqual([[0, false], [1, true]]);
  expect(fresh(h).length - before).toBe(1);
});

test("an unlink reaches Account Unlinked (Instant) with no API call", async () => {
  const h = await deployed(unlinked);
  expect(sim.notifications.subscriptions(sim.demoUserId).map((s) => s.appli)).toEqual([46]);
  const before = dataRequests().length;
  sim.notifications.userAction(sim.demoUserId, "unlink");
  await settle(h);
  expect(fresh(h)).toHaveLength(1);
  expect(fresh(h)[0].event).toMatchObject({ userid: sim.demoUserId, appli: 46, action: "unlink" });
  expect(fresh(h)[0].meta.summary).toBe(`User ${sim.demoUserId} unlinked this app from their Withings account`);
  expect(dataRequests().length).toBe(before);
});

test("bed in and out reach Bed Presence Changed (Instant), one event each", async () => {
  const h = await deployed(bed);
  expect(sim.notifications.subscriptions(sim.demoUserId).map((s) => s.appli)).toEqual([50, 51]);
  const t = sim.clock.now();
  sim.notifications.bedEvent(sim.demoUserId, true, "dev1", t - 60);
  sim.notifications.bedEvent(sim.demoUserId, false, "dev1", t - 5);
  await settle(h);
  expect(fresh(h).map((e) => [e.event, e.meta.id])).toEqual(expect.arrayContaining([
    [expect.objectContaining({ in_bed: true, event: "in_bed", deviceid: "dev1", date: t - 60 }), `bed-50-dev1-${t - 60}`],
    [expect.objectContaining({ in_bed: false, event: "out_of_bed", date: t - 5 }), `bed-51-dev1-${t - 5}`],
  ]));
  expect(fresh(h)).toHaveLength(2);
});

test("activate names the missing scope when the account lacks it", async () => {
  auth = await login(sim, ["user.metrics", "user.activity"]);
  const h = await hostInstant(bed as unknown as ComponentLike, { auth });
  hosts.push(h);
  const err = await h.host.deploy().catch((e) => e);
  expect(err.message).toMatch(/status 214.*"user\.sleepevents" scope/);
  expect(sim.notifications.subscriptions()).toEqual([]);
});

test("the notification actions list, get, update and revoke a source's subscription", async () => {
  const h = await deployed(weighIn);
  const as = (c: unknown) => c as ComponentLike;
  const options = await propOptions(as(getAction), "callbackUrl", auth);
  expect(options.map((o) => o.value)).toEqual([h.url]);

  const listed = await runAction(as(listAction), { auth });
  expect(listed.result).toEqual([expect.objectContaining({ appli: 1, callbackurl: h.url, comment: "Pipedream" })]);
  const got = await runAction(as(getAction), { auth, props: { callbackUrl: h.url, appli: 1 } });
  expect(got.summary).toBe(`Weight and body composition (1) notifications go to ${h.url}`);
  await runAction(as(updateAction), { auth, props: { callbackUrl: h.url, appli: 1, comment: "renamed" } });
  expect(sim.notifications.subscriptions()[0].comment).toBe("renamed");
  await runAction(as(revokeAction), { auth, props: { callbackUrl: h.url, appli: 1 } });
  expect(sim.notifications.subscriptions()).toEqual([]);
  // The source's own deactivate then finds nothing to revoke, and does not throw.
  await expect(h.host.deactivate()).resolves.toBeDefined();
});
