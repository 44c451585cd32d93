import source from "../../components/withings/sources/new-daily-activity/new-daily-activity";
import { DATA_FIELDS } from "../../common/codes/data-fields";
import { loadFixture } from "../helpers/fixtures";
import { resetHttp } from "../helpers/http";
import { fakeLastupdateList, setNow, sourceHarness } from "../helpers/source-harness";

const T0 = 1795160000; // 2026-11-20 08:33 in Paris
const AFTER_MIDNIGHT = 1795216000; // 2026-11-21 00:06 in Paris
const WATCH = "c81e728d9d4c2f636f067f89cc14862c4e5b7a1f";
/** Midnight starting a Paris day in November (UTC+1). */
const parisDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000 - 3600;

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

function setup(props: Record<string, unknown> = {}) {
  const server = fakeLastupdateList("/v2/measure", "activities");
  server.records = loadFixture("source-measure-getactivity").body.activities;
  const http = server.serve(10);
  return { server, http, h: sourceHarness(source, props) };
}

describe("New Daily Activity", () => {
  it("emits finished days per device, oldest first, and holds today back in the db while the cursor moves on", async () => {
    setNow(T0);
    const { http, h } = setup();
    await h.deploy();
    expect(http.requests[0].form).toEqual({
      action: "getactivity", lastupdate: String(T0 - 30 * 86400), data_fields: DATA_FIELDS.getactivity.join(","),
    });
    expect(h.emitted.map((e) => e.meta.id)).toEqual([`2026-11-18-${WATCH}`, `2026-11-19-${WATCH}`, "2026-11-19-model1055"]);
    expect(h.emitted.map((e) => e.meta.ts)).toEqual([parisDay(2026, 11, 18), parisDay(2026, 11, 19), parisDay(2026, 11, 19)].map((t) => t * 1000));
    expect(h.emitted[1].meta.summary).toBe("8432 steps, 6.1 km, 412 kcal active on 2026-11-19 (ScanWatch)");
    expect(h.emitted[2].event).toMatchObject({
      id: "2026-11-19-model1055", date: "2026-11-19", deviceid: null, brand_name: "External", model: "GoogleFit tracker", steps: 7010,
    });
    expect(h.emitted[1].event).toMatchObject({ id: `2026-11-19-${WATCH}`, steps: 8432, hr_average: 72, timezone: "Europe/Paris" });
    expect(h.cursor()).toBe(T0 - 300);
    // Today's row waits in the db, not behind the cursor: an idle run does not read it again.
    expect(h.db.get("pendingDays")).toEqual([
      expect.objectContaining({ date: "2026-11-20", deviceid: WATCH, timezone: "Europe/Paris" }),
    ]);
  });

  it("emits today's row once the day has ended, and a later change to a finished day only once", async () => {
    setNow(T0);
    const { server, http, h } = setup();
    await h.deploy();
    setNow(T0 + 900);
    await h.run();
    expect(http.requests[1].form.lastupdate).toBe(String(T0 - 300));
    expect(h.emitted).toHaveLength(3);
    expect(h.cursor()).toBe(T0 + 900 - 300);

    const today = server.records.findIndex((r) => r.date === "2026-11-20");
    server.records[today] = { ...server.records[today], steps: 10500, modified: 1795210000 };
    setNow(AFTER_MIDNIGHT);
    await h.run();
    expect(h.emitted.slice(3).map((e) => [e.meta.id, e.event.steps, e.meta.ts])).toEqual([
      [`2026-11-20-${WATCH}`, 10500, parisDay(2026, 11, 20) * 1000],
    ]);
    expect(h.cursor()).toBe(AFTER_MIDNIGHT - 300);

    const late = server.records.findIndex((r) => r.date === "2026-11-19" && r.deviceid === WATCH);
    server.records[late] = { ...server.records[late], steps: 8800, modified: AFTER_MIDNIGHT + 60 };
    setNow(AFTER_MIDNIGHT + 900);
    await h.run();
    // A day already emitted is not emitted again, however long ago (the source remembers its last 500 ids).
    expect(h.emitted.map((e) => e.meta.id).filter((id) => id === `2026-11-19-${WATCH}`)).toHaveLength(1);
    expect(h.delivered.map((e) => e.meta.id)).toEqual([
      `2026-11-18-${WATCH}`, `2026-11-19-${WATCH}`, "2026-11-19-model1055", `2026-11-20-${WATCH}`,
    ]);
  });

  it("with Include Updates, emits a later change to a finished day again under its own id", async () => {
    setNow(T0);
    const { server, h } = setup({ includeUpdates: true });
    await h.deploy();
    expect(h.emitted[1].meta.id).toBe(`2026-11-19-${WATCH}-1795131700`);
    const late = server.records.findIndex((r) => r.date === "2026-11-19" && r.deviceid === WATCH);
    server.records[late] = { ...server.records[late], steps: 8800, modified: T0 + 600 };
    setNow(T0 + 900);
    await h.run();
    setNow(T0 + 1800); // the overlap reads the change again: same id, not delivered twice
    await h.run();
    const updates = h.delivered.filter((e) => e.event.date === "2026-11-19" && e.event.deviceid === WATCH);
    expect(updates.map((e) => [e.meta.id, e.event.steps])).toEqual([
      [`2026-11-19-${WATCH}-1795131700`, 8432], [`2026-11-19-${WATCH}-${T0 + 600}`, 8800],
    ]);
    for (const e of h.emitted) expect(e.meta.id.length).toBeLessThanOrEqual(64);
  });

  it("returns quietly when nothing changed", async () => {
    setNow(T0);
    const server = fakeLastupdateList("/v2/measure", "activities");
    server.serve(2);
    const h = sourceHarness(source);
    await h.deploy();
    setNow(T0 + 900);
    await expect(h.run()).resolves.toBeUndefined();
    expect(h.emitted).toHaveLength(0);
    expect(h.cursor()).toBe(T0 + 900 - 300);
  });
});
