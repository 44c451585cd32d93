import stetho from "../../components/withings/sources/new-stethoscope-recording/new-stethoscope-recording";
import { WithingsAuthError } from "../../common/errors";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp } from "../helpers/http";
import { FakeList, setNow, sourceHarness } from "../helpers/source-harness";

const T0 = 1795160000;
const MONTH = 30 * 86400;

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

/** Stetho v2 List: recordings whose `timestamp` is within `startdate`..`enddate`, newest first. */
function fakeStethoList(pageSize = 50) {
  return new FakeList<any>({
    path: "/v2/stetho", field: "series", pageSize,
    select: (rows, form) => rows
      .filter((r) => r.timestamp >= Number(form.startdate) && r.timestamp <= Number(form.enddate))
      .sort((a, b) => b.timestamp - a.timestamp),
  });
}

describe("New Stethoscope Recording", () => {
  it("reads a recording-time window from the cursor, emits by signal id, and catches a late upload once", async () => {
    setNow(T0);
    const server = fakeStethoList(1);
    server.records = loadFixture("source-stetho-list").body.series;
    const http = server.serve(8);
    const h = sourceHarness(stetho);
    await h.deploy();
    // Page size 1: the two recordings come over two pages.
    expect(http.requests[0].form).toEqual({ action: "list", startdate: String(T0 - MONTH - 86400), enddate: String(T0) });
    expect(http.requests[1].form).toMatchObject({ action: "list", offset: "1" });
    expect(h.emitted.map((e) => e.meta)).toEqual([
      { id: "stetho-187000101", ts: 1795150800000, summary: "Heart sounds: VHD negative on 2026-11-20 06:00 Europe/Paris" },
      { id: "stetho-187000102", ts: 1795154400000, summary: "Heart sounds: VHD positive on 2026-11-20 07:00 Europe/Paris" },
    ]);
    expect(h.emitted[0].event).toEqual({
      id: "stetho-187000101", signalid: 187000101, timestamp: 1795150800, time_iso: "2026-11-20T06:00:00+01:00",
      timezone: "Europe/Paris", hash_deviceid: "892359876fd8805ac45bab078c4828692f0276b1", vhd: 0, vhd_result: "negative",
    });
    expect(h.cursor()).toBe(T0 - 300);

    // Recorded three hours ago, uploaded now: older than the cursor, still delivered exactly once.
    server.records.push({ ...server.records[0], signalid: 187000199, vhd: 9, timestamp: T0 - 3 * 3600 });
    setNow(T0 + 900);
    await h.run();
    expect(http.requests[2].form).toEqual({ action: "list", startdate: String(T0 - 300 - 86400), enddate: String(T0 + 900) });
    setNow(T0 + 1800);
    await h.run();
    expect(h.delivered.map((e) => e.meta.id)).toEqual(["stetho-187000101", "stetho-187000102", "stetho-187000199"]);
    // Not even emitted twice: the source remembers the ids of the last day it emitted.
    expect(h.emitted.map((e) => e.meta.id)).toEqual(["stetho-187000101", "stetho-187000102", "stetho-187000199"]);
    expect(h.db.get("seen")).toEqual(expect.arrayContaining([["stetho-187000101", expect.any(Number)], ["stetho-187000102", expect.any(Number)], ["stetho-187000199", T0 - 3 * 3600]]));
    const late = h.delivered[2];
    expect(late.meta).toEqual({ id: "stetho-187000199", ts: (T0 - 3 * 3600) * 1000, summary: "Heart sounds: VHD vhd_9 on 2026-11-20 05:33 Europe/Paris" });
    expect(h.cursor()).toBe(T0 + 1800 - 300);
  });

  it("shows recordings without a zone in the chosen time zone", async () => {
    setNow(T0);
    const server = fakeStethoList();
    server.records = [{ signalid: 5, vhd: 2, timestamp: T0 - 600 }];
    server.serve(1);
    const h = sourceHarness(stetho, { timezone: "America/New_York" });
    await h.deploy();
    expect(h.emitted.map((e) => e.meta.summary)).toEqual(["Heart sounds: VHD inconclusive on 2026-11-20 02:23 America/New_York"]);
  });

  it("throws the reconnect error on 401 and keeps the cursor", async () => {
    setNow(T0);
    fakeStethoList().serve(1);
    const h = sourceHarness(stetho);
    await h.deploy();
    mockWithings([{ path: "/v2/stetho", body: loadFixture("error-401") }]);
    setNow(T0 + 900);
    await expect(h.run()).rejects.toThrow(WithingsAuthError);
    expect(h.cursor()).toBe(T0 - 300);
  });

  it("refuses a bad time zone before any request", async () => {
    setNow(T0);
    const http = mockWithings([]);
    const h = sourceHarness(stetho, { timezone: "Mars/Olympus" });
    await expect(h.deploy()).rejects.toThrow(/"timezone"/);
    expect(http.requests).toHaveLength(0);
  });
});
