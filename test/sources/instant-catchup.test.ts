/**
 * What an instant source owes a notification (issue 15, defects 2 to 4): a large sync is read to its end by
 * the invocation that handles it while time allows, and handed over to the next invocation when it is not;
 * the Safety Check catches up even when Withings' notify service fails; and without the account's userid a
 * notification sooner than the bound allows is deferred, never dropped.
 */
import weighInInstant from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import { RUN_BUDGET_MS } from "../../components/withings/sources/common/polling";
import { UNVERIFIED_MIN_INTERVAL_MS } from "../../components/withings/sources/common/webhook";
import { WithingsResponseError } from "../../common/errors";
import { mockWithings, resetHttp } from "../helpers/http";
import { fakeGetmeas } from "../helpers/source-harness";
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

const list = { path: "/notify", body: { status: 0, body: { profiles: [{ appli: 1, callbackurl: ENDPOINT }] } } };
const ok = { path: "/notify", body: { status: 0, body: {} } };

async function deployed(auth?: Record<string, unknown>) {
  const server = fakeGetmeas(50, "UTC");
  const h = instantHarness(weighInInstant, {}, auth);
  server.serve(1);
  mockWithings([{ path: "/notify", body: { status: 0, body: { profiles: [] } } }, ok]);
  await h.deploy();
  await h.activate();
  resetHttp();
  return { h, server };
}
/** One device sync of `n` weigh-ins a minute apart, all changed now. */
function sync(server: ReturnType<typeof fakeGetmeas>, n: number, first = 1) {
  for (let i = 0; i < n; i++) server.records.push(weightGroup(first + i, now - 200_000 + (first + i) * 60, { changed: now }));
}
/** getmeas pages that each take `seconds` of (injected) time: a slow or rate-limited Withings. */
function slowPages(server: ReturnType<typeof fakeGetmeas>, count: number, seconds: number) {
  return mockWithings(Array.from({ length: count }, () => ({ path: "/measure", body: (f: Record<string, string>) => {
    now += seconds;
    return server.reply(f);
  } })));
}

describe("a large sync announced by one notification", () => {
  it("is read to its end by the invocation that handles it: 1,100 weigh-ins, 22 pages, past the polling page cap", async () => {
    const { h, server } = await deployed();
    now += 60;
    sync(server, 1100);
    const http = server.serve(22);
    await h.notify({ userid: UID, appli: 1, startdate: now - 60, enddate: now });
    expect(http.requests.map((r) => r.form.offset ?? "0")).toEqual(Array.from({ length: 22 }, (_v, i) => String(i * 50)));
    expect(new Set(h.delivered.map((e) => e.meta.id)).size).toBe(1100);
    expect(h.db.get("cursor")).toBe(now);
    expect(h.db.get("webhook_pending")).toBeUndefined();
  });

  it("cut short by the time budget, is handed over: the next invocation, even a post it ignores, reads the rest first", async () => {
    const { h, server } = await deployed();
    now += 60;
    sync(server, 300);
    const started = now;
    // Each page takes 6 s: the run stops once RUN_BUDGET_MS (15 s) has passed, after 3 pages.
    const first = slowPages(server, 3, 6);
    await h.notify({ userid: UID, appli: 1, startdate: now - 60, enddate: now });
    expect(first.requests).toHaveLength(3);
    expect(now - started).toBeGreaterThanOrEqual(RUN_BUDGET_MS / 1000);
    expect(new Set(h.delivered.map((e) => e.meta.id)).size).toBe(150);
    expect(h.db.get("webhook_pending")).toEqual({ at: started * 1000 });
    // The read did not complete: it covers no notification.
    expect(h.db.get("webhook_fetched_from") ?? 0).toBeLessThan(started * 1000);

    now += 5;
    const rest = server.serve(4);
    await expect(h.notify({ userid: UID, appli: 44, startdate: now, enddate: now })).resolves.toBeUndefined();
    expect(rest.requests.map((r) => r.form.offset)).toEqual(["150", "200", "250"]);
    expect(new Set(h.delivered.map((e) => e.meta.id)).size).toBe(300);
    expect(h.db.get("webhook_pending")).toBeNull();
    expect(typeof h.db.get("cursor")).toBe("number");
  });

  it("failing half way, is handed over too, and the Safety Check reads it", async () => {
    const { h, server } = await deployed();
    now += 60;
    sync(server, 120);
    server.serve(1);
    mockWithings([{ path: "/measure", body: "<html>502</html>", httpStatus: 502 }]);
    await expect(h.notify({ userid: UID, appli: 1, startdate: now, enddate: now })).rejects.toThrow(WithingsResponseError);
    expect(h.db.get("webhook_pending")).toEqual({ at: now * 1000 });
    now += 3600;
    mockWithings([list]);
    server.serve(2);
    await h.tick();
    expect(new Set(h.delivered.map((e) => e.meta.id)).size).toBe(120);
    expect(h.db.get("webhook_pending")).toBeNull();
  });
});

describe("the Safety Check", () => {
  it.each([
    ["notify list answers HTTP 500", [{ path: "/notify", body: "<html>500</html>", httpStatus: 500 }], /list failed with HTTP 500/],
    ["subscribe answers HTTP 500", [{ path: "/notify", body: { status: 0, body: { profiles: [] } } },
      { path: "/notify", body: "<html>500</html>", httpStatus: 500 }], /HTTP 500/],
  ])("catches up when %s, and still reports the failure", async (_name, replies, message) => {
    const { h, server } = await deployed();
    now += 3600;
    sync(server, 2);
    const notify = mockWithings(replies as never);
    const data = server.serve(1);
    await expect(h.tick()).rejects.toThrow(message);
    expect(notify.requests.map((r) => r.form.action)).toEqual(replies.length === 1 ? ["list"] : ["list", "subscribe"]);
    expect(data.requests).toHaveLength(1);
    expect(h.delivered.map((e) => e.meta.id)).toEqual([1, 2].map((i) => `${T0 + 3600 - 200_000 + i * 60}-${SCALE}`));
  });
});

describe("without the account's userid (unverified notifications)", () => {
  it("defers a second notification within the bound and reads it once the bound allows: the reading is not dropped", async () => {
    const { h, server } = await deployed({});
    const waits: number[] = [];
    h.self._wait = async (ms: number) => {
      waits.push(ms);
      now += ms / 1000;
    };
    now += 5;
    sync(server, 1, 1);
    let http = server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: now, enddate: now });
    expect(http.requests).toHaveLength(1);
    const firstRead = now;
    now += 20;
    sync(server, 1, 2);
    http = server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: now, enddate: now });
    expect(waits).toEqual([UNVERIFIED_MIN_INTERVAL_MS - 20_000]);
    expect(http.requests).toHaveLength(1);
    expect(now).toBe(firstRead + 60);
    expect(h.delivered.map((e) => e.event.grpids)).toEqual([[1], [2]]);
    expect(h.db.get("webhook_pending")).toBeNull();
  });

  it("lets one invocation wait at a time; one the platform ends is read by the next invocation once the bound allows", async () => {
    const { h, server } = await deployed({});
    now += 5;
    server.serve(1);
    await h.notify({ userid: "555", appli: 1, startdate: now, enddate: now });
    now += 10;
    sync(server, 1, 3);
    // The waiting invocation never wakes (the platform ended it): the read stays owed.
    h.self._wait = () => new Promise<void>(() => undefined);
    const waiting = h.notify({ userid: "555", appli: 1, startdate: now, enddate: now });
    await new Promise((r) => setImmediate(r));
    expect(h.db.get("webhook_pending")).toEqual({ at: now * 1000, due: (now - 10 + 60) * 1000 });
    now += 1;
    const none = mockWithings([]);
    await h.notify({ userid: "555", appli: 1, startdate: now, enddate: now });
    expect(none.requests).toEqual([]);
    // Past the bound, any post (here one this source does not handle) reads what is owed.
    now += 60;
    const http = server.serve(1);
    await h.notify({ userid: "555", appli: 44, startdate: now, enddate: now });
    expect(http.requests).toHaveLength(1);
    expect(h.delivered.map((e) => e.event.grpids)).toEqual([[3]]);
    expect(h.db.get("webhook_pending")).toBeNull();
    void waiting;
  });
});
