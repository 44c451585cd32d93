import { startSimulator, type Simulator } from "../../simulator";
import { NOW, call, nonce, sign, webhook, type Hook } from "./helpers";

let sim: Simulator;
let token: string;
let hook: Hook;
beforeEach(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0, 20, 40] });
  token = sim.issueTokens().access_token;
  hook = await webhook();
});
afterEach(async () => {
  await sim.close();
  await hook.close();
});

const notify = (form: Record<string, string | number>) => call(sim, "/notify", form, token);

describe("subscriptions", () => {
  it("HEAD-checks the callback, then lists, gets, updates and revokes per appli", async () => {
    expect(await notify({ action: "subscribe", callbackurl: hook.url, appli: 1, comment: "weight" })).toEqual({ status: 0, body: {} });
    expect(hook.hits).toEqual([{ method: "HEAD", form: {} }]);
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 44 });
    expect((await notify({ action: "list" })).body.profiles).toEqual([
      { appli: 1, callbackurl: hook.url, expires: 2147483647, comment: "weight" },
      { appli: 44, callbackurl: hook.url, expires: 2147483647, comment: null },
    ]);
    expect((await notify({ action: "list", appli: 44 })).body.profiles).toHaveLength(1);
    // get defaults to appli 1.
    expect((await notify({ action: "get", callbackurl: hook.url })).body).toEqual({ appli: 1, callbackurl: hook.url, comment: "weight" });
    expect((await notify({ action: "update", callbackurl: hook.url, appli: 1, comment: "a", new_appli: 4 })).status).toBe(503);
    expect((await notify({ action: "update", callbackurl: hook.url, appli: 1, new_appli: 4 })).status).toBe(0);
    expect((await notify({ action: "get", callbackurl: hook.url, appli: 4 })).body.appli).toBe(4);
    expect((await notify({ action: "revoke", callbackurl: hook.url, appli: 4 })).status).toBe(0);
    expect((await notify({ action: "revoke", callbackurl: hook.url, appli: 4 })).status).toBe(294);
    expect((await notify({ action: "get", callbackurl: hook.url, appli: 4 })).status).toBe(343);
    // Subscriptions belong to the user of the token.
    const other = sim.issueTokens({ userid: "555" }).access_token;
    expect((await call(sim, "/notify", { action: "list" }, other)).body.profiles).toEqual([]);
  });

  it("refuses with 293 a callback that fails the HEAD check or breaks the URL rules", async () => {
    hook.respond = () => 404;
    expect(await notify({ action: "subscribe", callbackurl: hook.url, appli: 1 })).toEqual({
      status: 293, body: {}, error: "The callback URL is either unknown or invalid",
    });
    expect((await notify({ action: "subscribe", callbackurl: "http://127.0.0.1:1/closed", appli: 1 })).status).toBe(293);
    expect((await notify({ action: "subscribe", callbackurl: `${hook.url}?${"x".repeat(260)}`, appli: 1 })).status).toBe(293);
    expect((await notify({ action: "subscribe", callbackurl: hook.url, appli: 3 })).status).toBe(503);
    expect(sim.notifications.subscriptions()).toEqual([]);
  });

  it("refuses loopback and plain-http callbacks unless allowed", async () => {
    const strict = await startSimulator({ now: NOW, emptyDemoUser: true });
    try {
      const t = strict.issueTokens().access_token;
      expect((await call(strict, "/notify", { action: "subscribe", callbackurl: hook.url, appli: 1 }, t)).status).toBe(293);
      expect((await call(strict, "/notify", { action: "subscribe", callbackurl: "https://10.0.0.1/hook", appli: 1 }, t)).status).toBe(293);
      expect(hook.hits).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});

describe("delivery", () => {
  it("POSTs userid, appli, startdate and enddate to subscriptions of that user and appli", async () => {
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 4 });
    hook.hits.length = 0;
    sim.data.addWeighIn(sim.demoUserId, { date: NOW - 100, weightKg: 80, device: "manual" }); // appli 1: not subscribed
    sim.data.addBloodPressure(sim.demoUserId, { date: NOW - 50, systolic: 120, diastolic: 80, pulse: 60 });
    await sim.notifications.idle();
    expect(hook.hits).toEqual([{ method: "POST", form: { userid: sim.demoUserId, appli: "4", startdate: String(NOW - 50), enddate: String(NOW - 50) } }]);
  });

  it("retries on the schedule after failures, and stops at the first success", async () => {
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 44 });
    let posts = 0;
    hook.respond = (m) => (m === "POST" && ++posts < 3 ? 500 : 200);
    sim.data.addSleepSummary(sim.demoUserId, { startdate: NOW - 8 * 3600, enddate: NOW - 600 });
    await sim.notifications.idle();
    expect(sim.notifications.deliveries.map((d) => [d.attempt, d.ok, d.httpStatus])).toEqual([[0, false, 500], [1, false, 500], [2, true, 200]]);
    expect(sim.notifications.deliveries[0].form).toEqual({ userid: sim.demoUserId, appli: "44", startdate: String(NOW - 8 * 3600), enddate: String(NOW - 600) });
  });

  it("gives up after the last attempt, and revoke removes the user's subscriptions", async () => {
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 16 });
    hook.respond = (m) => (m === "POST" ? 503 : 200);
    sim.data.addActivity(sim.demoUserId, { date: "2025-11-20", steps: 10 });
    await sim.notifications.idle();
    expect(sim.notifications.deliveries.map((d) => d.ok)).toEqual([false, false, false]);
    expect(sim.notifications.deliveries[0].form.startdate).toBe(String(Date.UTC(2025, 10, 19, 23) / 1000));
    expect(sim.notifications.subscriptions(sim.demoUserId)).toHaveLength(1);

    const n = await nonce(sim);
    const { clientId, clientSecret } = sim.client;
    await call(sim, "/v2/oauth2", { action: "revoke", client_id: clientId, nonce: n, signature: sign(clientSecret, ["revoke", clientId, n]), userid: sim.demoUserId });
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([]);
  });

  it("counts a callback that does not answer within 2 s as a failure", async () => {
    const slow = await startSimulator({ now: NOW, emptyDemoUser: true, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0] });
    try {
      await call(slow, "/notify", { action: "subscribe", callbackurl: hook.url, appli: 54 }, slow.issueTokens().access_token);
      hook.respond = (m) => (m === "POST" ? -1 : 200);
      slow.data.addEcg(slow.demoUserId, { afib: 0 });
      const t0 = Date.now();
      await slow.notifications.idle();
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
      expect(slow.notifications.deliveries).toEqual([expect.objectContaining({ ok: false, httpStatus: undefined, attempt: 0 })]);
    } finally {
      await slow.close();
    }
  });
});

describe("user and bed events", () => {
  it("revoking the app posts appli 46 action=unlink, then drops the subscriptions", async () => {
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 46 });
    hook.hits.length = 0;
    const n = await nonce(sim);
    const { clientId, clientSecret } = sim.client;
    await call(sim, "/v2/oauth2", { action: "revoke", client_id: clientId, nonce: n, signature: sign(clientSecret, ["revoke", clientId, n]), userid: sim.demoUserId });
    await sim.notifications.idle();
    expect(hook.hits).toEqual([{ method: "POST", form: { userid: sim.demoUserId, appli: "46", date: "2025-11-20", action: "unlink" } }]);
    expect(sim.notifications.deliveries[0].delayMs).toBeGreaterThanOrEqual(0);
    expect(sim.notifications.subscriptions()).toEqual([]);
  });

  it("posts bed in (50) and out (51) with the device", async () => {
    await notify({ action: "subscribe", callbackurl: hook.url, appli: 51 });
    hook.hits.length = 0;
    sim.notifications.bedEvent(sim.demoUserId, true, "dev1", NOW - 10); // appli 50: not subscribed
    sim.notifications.bedEvent(sim.demoUserId, false, "dev1", NOW - 5);
    await sim.notifications.idle();
    expect(hook.hits).toEqual([{ method: "POST", form: { userid: sim.demoUserId, appli: "51", startdate: String(NOW - 5), enddate: String(NOW - 5), deviceid: "dev1" } }]);
  });

  it("refuses a subscription whose scope the token lacks, with 214, before the HEAD check", async () => {
    const limited = sim.issueTokens({ scopes: ["user.metrics", "user.activity"] }).access_token;
    const r = await call(sim, "/notify", { action: "subscribe", callbackurl: hook.url, appli: 50 }, limited);
    expect(r).toEqual({ status: 214, body: {}, error: "Unauthorized: the access token was not granted the user.sleepevents scope" });
    expect(hook.hits).toEqual([]);
    expect((await call(sim, "/notify", { action: "subscribe", callbackurl: hook.url, appli: 1 }, limited)).status).toBe(0);
  });
});
