/**
 * Behaviours no test pinned before (issue 15): the run's time budget, a first deploy over more than 20 pages,
 * the boundary of the remembered ids, and one measure group carrying the same type twice.
 */
import weighIn from "../../components/withings/sources/new-weigh-in/new-weigh-in";
import measurement from "../../components/withings/sources/new-measurement/new-measurement";
import stetho from "../../components/withings/sources/new-stethoscope-recording/new-stethoscope-recording";
import { BACKFILL_MAX, MAX_PAGES_PER_RUN, RUN_BUDGET_MS } from "../../components/withings/sources/common/polling";
import { rememberSeen } from "../../components/withings/sources/common/seen";
import { mockWithings, resetHttp } from "../helpers/http";
import { fakeGetmeas, sourceHarness } from "../helpers/source-harness";
import { weightGroup } from "../helpers/weigh-ins";

const T0 = 1795160000;
let now = T0;

beforeEach(() => {
  now = T0;
  // The clock the sources read: it only moves when the fake Withings says a request took time.
  jest.spyOn(Date, "now").mockImplementation(() => now * 1000);
});
afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});


describe("the run's time budget", () => {
  it(`a slow Withings ends the run once ${RUN_BUDGET_MS / 1000} s have passed, and the next run carries on from the offset`, async () => {
    const server = fakeGetmeas(50, "UTC");
    const h = sourceHarness(weighIn);
    server.serve(1);
    await h.deploy();
    now += 60;
    for (let i = 1; i <= 600; i++) server.records.push(weightGroup(i, now - 100_000 + i * 60, { changed: now }));
    const since = h.cursor();
    // Each page takes 4 s: after the 4th page 16 s have passed (the 3rd leaves 12 s: not yet over the budget).
    const slow = mockWithings(Array.from({ length: 4 }, () => ({ path: "/measure", body: (f: Record<string, string>) => {
      now += 4;
      return server.reply(f);
    } })));
    const started = now;
    await h.run();
    expect(slow.requests.map((r) => r.form.offset ?? "0")).toEqual(["0", "50", "100", "150"]);
    expect(slow.pending()).toEqual([]);
    expect(now - started).toBe(16);
    expect(4).toBeLessThan(MAX_PAGES_PER_RUN); // the time budget stopped it, not the page cap
    expect(h.cursor()).toEqual({ since, window: { opened: started, until: started + 4, offset: 200, pages: 4 } });
    expect(h.delivered).toHaveLength(200);

    const rest = server.serve(8);
    await h.run();
    expect(rest.requests.map((r) => r.form.offset)).toEqual(["200", "250", "300", "350", "400", "450", "500", "550"]);
    expect(new Set(h.delivered.map((e) => e.meta.id)).size).toBe(600);
    expect(h.cursor()).toBe(started + 4);
  });
});

describe("a first deploy over more than 20 pages", () => {
  it("emits the most recent records of the span and stores a plain cursor, not its half-read window", async () => {
    const server = fakeGetmeas(50, "UTC");
    for (let i = 1; i <= 1_250; i++) server.records.push(weightGroup(i, T0 - 20 * 86_400 + i * 600, { changed: T0 - 3600 }));
    const http = server.serve(MAX_PAGES_PER_RUN);
    const h = sourceHarness(weighIn);
    await h.deploy();
    expect(http.requests).toHaveLength(MAX_PAGES_PER_RUN); // stopped at its page cap, 5 pages unread
    expect(h.cursor()).toBe(T0);
    expect(h.delivered).toHaveLength(BACKFILL_MAX);
    // The next run reads what changed since the deploy: nothing old.
    const next = server.serve(1);
    await h.run();
    expect(next.requests.map((r) => r.form.lastupdate)).toEqual([String(T0 - 10)]);
    expect(h.delivered).toHaveLength(BACKFILL_MAX);
  });
});

describe("the boundary of the remembered ids", () => {
  it("keeps an id whose time is exactly the oldest time still read", () => {
    const stored: Array<[string, number]> = [["a", 99], ["b", 100], ["c", 101]];
    expect(rememberSeen(stored, [], { from: 100 })).toEqual([["c", 101], ["b", 100]]);
  });

  it("New Stethoscope Recording does not emit again a recording exactly at the start of the window it re-reads", async () => {
    const h = sourceHarness(stetho, { timezone: "UTC" });
    const rec = (signalid: number, timestamp: number) => ({ signalid, timestamp, deviceid: "stetho1", model: 1, vhd: 0, timezone: "UTC" });
    const list = (series: unknown[]) => ({ path: "/v2/stetho", body: { status: 0, body: { series, more: false, offset: 0 } } });
    mockWithings([list([])]);
    await h.deploy();
    // The next window starts at cursor - its re-read span; a recording then exactly at the remembered boundary.
    now += 1800;
    const http = mockWithings([{ path: "/v2/stetho", body: (f: Record<string, string>) => ({ status: 0,
      body: { series: [rec(501, Number(f.startdate))], more: false, offset: 0 } }) }]);
    await h.run();
    const boundary = Number(http.requests[0].form.startdate);
    expect(h.delivered.map((e) => e.meta.id)).toEqual(["stetho-501"]);
    expect(h.db.get("seen")).toEqual([["stetho-501", boundary]]);
    // Read again by the next window, whose start is exactly that time: remembered, so not emitted again.
    now += 1;
    mockWithings([list([rec(501, boundary)])]);
    await h.run();
    expect(h.delivered.map((e) => e.meta.id)).toEqual(["stetho-501"]);
    expect(h.db.get("seen")).toEqual([["stetho-501", boundary]]);
  });
});

describe("a measure group carrying the same type twice", () => {
  it("gives the same value in `values`, `units`, the flat field and the summary", async () => {
    const server = fakeGetmeas(50, "UTC");
    server.records = [weightGroup(7, T0 - 3600, { changed: T0 - 3500, measures: [
      { value: 72_400, type: 1, unit: -3 }, { value: 72_600, type: 1, unit: -3 }, { value: 181, type: 6, unit: -1 },
    ] })];
    server.serve(2);
    const w = sourceHarness(weighIn);
    await w.deploy();
    const m = sourceHarness(measurement);
    await m.deploy();
    const [weight] = w.delivered;
    expect(weight.event.weight_kg).toBe(72.4);
    expect(weight.meta.summary).toBe("Weight 72.4 kg, fat 18.1 % on 2026-11-20 06:33 UTC");
    const [session] = m.delivered;
    expect(session.event.values.weight).toBe(72.4);
    expect(session.event.units.weight).toBe("kg");
    expect(session.meta.summary).toMatch(/^Weight 72\.4 kg, /);
    expect(session.event.measures.filter((x: any) => x.type === 1).map((x: any) => x.value)).toEqual([72.4, 72.6]);
  });
});
