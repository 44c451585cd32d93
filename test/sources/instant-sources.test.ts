import measurementInstant from "../../components/withings/sources/new-measurement-instant/new-measurement-instant";
import weighInInstant from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import unlinked from "../../components/withings/sources/account-unlinked-instant/account-unlinked-instant";
import bed from "../../components/withings/sources/bed-presence-changed-instant/bed-presence-changed-instant";
import { UNVERIFIED_MIN_INTERVAL_MS } from "../../components/withings/sources/common/webhook";
import { mockWithings, resetHttp, type RecordedRequest } from "../helpers/http";
import { fakeGetmeas, sourceHarness } from "../helpers/source-harness";
import weighIn from "../../components/withings/sources/new-weigh-in/new-weigh-in";
import { ENDPOINT, instantHarness, UID } from "../helpers/instant-harness";
import { SCALE, weightGroup } from "../helpers/weigh-ins";

const T0 = 1795160000;
let now = T0;

beforeEach(() => {
  now = T0;
  jest.spyOn(Date, "now").mockImplementation(() => now * 1000);
  jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const list = (profiles: unknown[]) => ({ path: "/notify", body: { status: 0, body: { profiles } } });
const ok = { path: "/notify", body: { status: 0, body: {} } };
const notifyForms = (reqs: RecordedRequest[]) => reqs.filter((r) => r.path === "/notify").map((r) => r.form);

/** A weigh-in source deployed on an empty account (one getmeas on deploy, list + subscribe on activate). */
async function deployedWeighIn(auth?: Record<string, unknown>) {
  const server = fakeGetmeas();
  const h = instantHarness(weighInInstant, {}, auth);
  const http = server.serve(1);
  mockWithings([list([]), ok]);
  await h.deploy();
  await h.activate();
  expect(http.pending()).toEqual([]);
  return { h, server };
}

describe("activate and deactivate", () => {
  it("subscribes exactly the applis its measure types need, skipping one that exists for this URL", async () => {
    const h = instantHarness(measurementInstant, { measureTypes: [1, 9, 12] });
    const http = mockWithings([
      list([{ appli: 4, callbackurl: ENDPOINT, expires: 2147483647, comment: null },
        { appli: 1, callbackurl: "https://other.example.com/hook", expires: 2147483647, comment: null }]),
      ok, ok,
    ]);
    await h.activate();
    expect(http.requests.map((r) => r.form)).toEqual([
      { action: "list" },
      { action: "subscribe", callbackurl: ENDPOINT, appli: "1", comment: "Pipedream" },
      { action: "subscribe", callbackurl: ENDPOINT, appli: "2", comment: "Pipedream" },
    ]);
    expect(h.db.get("webhook_subscriptions")).toEqual({ callbackurl: ENDPOINT, applis: [1, 2, 4] });
  });

  it("explains a refused callback (293) and removes what it had just created", async () => {
    const h = instantHarness(measurementInstant, { measureTypes: [1, 9] });
    const http = mockWithings([
      list([]), ok,
      { path: "/notify", body: { status: 293, body: {}, error: "The callback URL is either unknown or invalid" } },
      ok,
    ]);
    const err = await h.activate().catch((e) => e);
    expect(err.message).toMatch(/^Withings refused to send Blood pressure, heart rate and SpO2 \(4\) notifications to this source's URL \(status 293\)\. Withings calls the URL with HEAD/);
    expect(notifyForms(http.requests).at(-1)).toEqual({ action: "revoke", callbackurl: ENDPOINT, appli: "1" });
    expect(h.db.get("webhook_subscriptions")).toBeUndefined();
  });

  it("revokes what it stored; a second deactivate, or one after Withings dropped it, does not throw", async () => {
    const { h } = await deployedWeighIn();
    const http = mockWithings([{ path: "/notify", body: { status: 294, body: {}, error: "Could not delete subscription" } }]);
    await expect(h.deactivate()).resolves.toBeUndefined();
    expect(http.requests.map((r) => r.form)).toEqual([{ action: "revoke", callbackurl: ENDPOINT, appli: "1" }]);
    const again = mockWithings([]);
    await expect(h.deactivate()).resolves.toBeUndefined();
    expect(again.requests).toEqual([]);
  });
});

describe("requests", () => {
  it("answers HEAD with 200 and makes no API call", async () => {
    const h = instantHarness(weighInInstant);
    const http = mockWithings([]);
    await h.head();
    expect(h.responses).toEqual([{ status: 200, headers: { "content-type": "text/plain" }, body: "" }]);
    expect(http.requests).toEqual([]);
  });

  it("answers 200 before fetching, and a weigh-in gives exactly one event with the twin's id", async () => {
    const { h, server } = await deployedWeighIn();
    server.records.push(weightGroup(6120045200, T0 + 30, { grams: 70_200 }));
    now = T0 + 60;
    const http = server.serve(1);
    const origReply = server.reply.bind(server);
    server.reply = (f) => {
      h.order.push("getmeas");
      return origReply(f);
    };
    await h.notify({ userid: UID, appli: 1, startdate: T0 + 30, enddate: T0 + 30 });
    expect(h.order).toEqual(["respond 200", "getmeas"]);
    expect(http.requests).toHaveLength(1);
    expect(h.delivered.map((e) => [e.event.weight_kg, e.meta.ts])).toEqual([[70.2, (T0 + 30) * 1000]]);

    // The polling twin on the same data emits the same id and the same event.
    const twin = sourceHarness(weighIn);
    server.serve(1);
    await twin.deploy();
    expect(twin.delivered).toEqual(h.delivered);
  });

  it("accepts the raw form string as well as a parsed body", async () => {
    const { h, server } = await deployedWeighIn();
    server.records.push(weightGroup(6120045201, T0 + 40, { grams: 70_100 }));
    now = T0 + 60;
    server.serve(1);
    await h.post(`userid=${UID}&appli=1&startdate=${T0 + 40}&enddate=${T0 + 40}`);
    expect(h.delivered.map((e) => e.event.weight_kg)).toEqual([70.1]);
  });

  it("ignores a notification for another userid: no API call, no event", async () => {
    const { h } = await deployedWeighIn();
    const http = mockWithings([]);
    await h.notify({ userid: "999", appli: 1, startdate: T0, enddate: T0 });
    expect(h.responses.at(-1)?.status).toBe(200);
    expect(http.requests).toEqual([]);
    expect(h.emitted).toEqual([]);
  });

  it("ignores an appli it does not handle", async () => {
    const { h } = await deployedWeighIn();
    const http = mockWithings([]);
    await h.notify({ userid: UID, appli: 44, startdate: T0, enddate: T0 });
    expect(http.requests).toEqual([]);
  });

  it.each([
    ["no body", undefined], ["an empty string", ""], ["garbage", "%%%&&=="], ["JSON garbage", "{not json"],
    ["an array", [1, 2]], ["a non-numeric userid", { userid: "abc", appli: "1" }], ["no appli", { userid: UID }],
    ["a number", 42], ["a huge string", "userid=1&appli=1&x=".padEnd(20_000, "y")],
  ])("survives %s: 200, no API call, no event", async (_what, body) => {
    const { h } = await deployedWeighIn();
    const http = mockWithings([]);
    await expect(h.post(body)).resolves.toBeUndefined();
    expect(h.responses.at(-1)?.status).toBe(200);
    expect(http.requests).toEqual([]);
    expect(h.emitted).toEqual([]);
  });

  it("a fetch failure leaves the cursor; the next notification catches up", async () => {
    const { h, server } = await deployedWeighIn();
    const cursor = h.db.get("cursor");
    server.records.push(weightGroup(6120045202, T0 + 30, { grams: 69_900 }));
    now = T0 + 60;
    mockWithings([{ path: "/measure", body: "<html>502</html>", httpStatus: 502 }]);
    await expect(h.notify({ userid: UID, appli: 1, startdate: T0 + 30, enddate: T0 + 30 })).rejects.toThrow(/HTTP 502/);
    expect(h.emitted).toEqual([]);
    expect(h.db.get("cursor")).toEqual(cursor);

    server.records.push(weightGroup(6120045203, T0 + 90, { grams: 69_800 }));
    now = T0 + 120;
    server.serve(1);
    await h.notify({ userid: UID, appli: 1, startdate: T0 + 90, enddate: T0 + 90 });
    expect(h.delivered.map((e) => e.event.weight_kg)).toEqual([69.9, 69.8]);
  });

  it("without the account's userid, fetches for unverified posts at most once a minute (a sooner one waits)", async () => {
    const { h, server } = await deployedWeighIn({});
    const readAt: number[] = [];
    h.self._wait = async (ms: number) => { now += ms / 1000; };
    let http = server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: T0, enddate: T0 });
    expect(http.requests).toHaveLength(1);
    readAt.push(now);
    now += 30;
    http = server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: T0, enddate: T0 });
    expect(http.requests).toHaveLength(1);
    readAt.push(now);
    now += UNVERIFIED_MIN_INTERVAL_MS / 1000;
    http = server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: T0, enddate: T0 });
    expect(http.requests).toHaveLength(1);
    readAt.push(now);
    expect(readAt).toEqual([T0, T0 + 60, T0 + 120]);
  });

  it("a safety check re-subscribes what Withings dropped and catches up", async () => {
    const { h, server } = await deployedWeighIn();
    server.records.push(weightGroup(6120045204, T0 + 30, { grams: 70_500 }));
    now = T0 + 3600;
    const notify = mockWithings([list([]), ok]);
    server.serve(1);
    await h.tick();
    expect(notify.requests.map((r) => r.form)).toEqual([
      { action: "list" }, { action: "subscribe", callbackurl: ENDPOINT, appli: "1", comment: "Pipedream" },
    ]);
    expect(h.delivered.map((e) => e.event.weight_kg)).toEqual([70.5]);
  });
});

describe("sources with no API call", () => {
  it("Account Unlinked emits one event per action, a repeat is absorbed, and nothing is fetched", async () => {
    const h = instantHarness(unlinked);
    const http = mockWithings([]);
    await h.notify({ userid: UID, appli: 46, date: "2026-11-20", action: "unlink" });
    await h.notify({ userid: UID, appli: 46, date: "2026-11-20", action: "unlink" });
    await h.notify({ userid: UID, appli: 46, date: "2026-11-20", action: "update" });
    await h.notify({ userid: "999", appli: 46, date: "2026-11-20", action: "delete" });
    expect(http.requests).toEqual([]);
    expect(h.delivered.map((e) => [e.meta.id, e.meta.summary, e.event.action])).toEqual([
      [`user-${UID}-unlink-2026-11-20`, `User ${UID} unlinked this app from their Withings account`, "unlink"],
      [`user-${UID}-update-2026-11-20`, `User ${UID} updated their Withings profile`, "update"],
    ]);
    expect(h.delivered[0].meta.ts).toBe(T0 * 1000); // a day is not a time: when it was received
  });

  it("Bed Presence emits in and out with the device and time", async () => {
    const h = instantHarness(bed);
    mockWithings([]);
    await h.notify({ userid: UID, appli: 50, startdate: T0, enddate: T0, deviceid: "dev9" });
    await h.notify({ userid: UID, appli: 51, startdate: T0 + 28000, enddate: T0 + 28000, deviceid: "dev9" });
    await h.notify({ userid: UID, appli: 1, startdate: T0, enddate: T0 });
    expect(h.delivered.map((e) => [e.meta.id, e.event.event, e.event.in_bed, e.event.deviceid, e.meta.ts])).toEqual([
      [`bed-50-dev9-${T0}`, "in_bed", true, "dev9", T0 * 1000],
      [`bed-51-dev9-${T0 + 28000}`, "out_of_bed", false, "dev9", (T0 + 28000) * 1000],
    ]);
    expect(h.delivered[0].meta.summary).toBe("In bed at 2026-11-20 07:33 UTC");
  });
});
