import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-intraday-activity/get-intraday-activity";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itMapsErrorEnvelopes, itRefusesBadInput } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const DEFAULT_FIELDS = "steps,elevation,calories,distance,heart_rate,spo2_auto";
const HOUR = { startDate: "2026-11-20T07:00:00Z", endDate: "2026-11-20T08:00:00Z" };

describe("Get Intraday Activity", () => {
  it("posts getintradayactivity to /v2/measure with unix dates and returns points sorted by time", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity") }]);
    const { result, summary } = await runAction(action, { ...HOUR, timezone: "Europe/Paris" });

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/measure");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({
      action: "getintradayactivity", startdate: "1795158000", enddate: "1795161600", data_fields: DEFAULT_FIELDS,
    });

    expect(result.map((p: any) => p.timestamp)).toEqual([1795158000, 1795158060, 1795158120, 1795158600]);
    expect(result[0]).toEqual({
      timestamp: 1795158000, time_iso: "2026-11-20T08:00:00+01:00", deviceid: "5e2b7c41d09a8f36b1e4c7a2905d3f68b4a1c0e9",
      model: "ScanWatch 2", model_id: 94, heart_rate: 64,
    });
    expect(result[3]).toMatchObject({ spo2_auto: 97 });
    expect(summary).toBe("Retrieved 4 intraday points from 2026-11-20 08:00 to 2026-11-20 09:00");
  });

  it("gives times in UTC when the user's zone is not known, without asking for it", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity") }]);
    const { result, summary } = await runAction(action, { ...HOUR, dataFields: ["heart_rate", "rr"] });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].form.data_fields).toBe("heart_rate,rr");
    expect(result[0].time_iso).toBe("2026-11-20T07:00:00+00:00");
    expect(summary).toBe("Retrieved 4 intraday points from 2026-11-20 07:00 to 2026-11-20 08:00 UTC");
  });

  it("defaults to the last 24 hours", async () => {
    jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-11-20T08:00:00Z"));
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity") }]);
    const { result } = await runAction(action, {});
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].form).toMatchObject({ startdate: "1795075200", enddate: "1795161600" });
    expect(result).toHaveLength(4);
  });

  it("splits a range over 24 h into sequential 24 h calls and drops the shared boundary sample", async () => {
    const http = mockWithings([
      { path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity-day-1") },
      { path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity-day-2") },
      { path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity-empty") },
    ]);
    const { result, summary } = await runAction(action, { startDate: "2026-11-18T00:00:00Z", endDate: "2026-11-20T12:00:00Z" });
    expect(http.requests.map((r) => [r.form.startdate, r.form.enddate])).toEqual([
      ["1794960000", "1795046400"],
      ["1795046400", "1795132800"],
      ["1795132800", "1795176000"],
    ]);
    expect(http.requests.every((r) => r.form.action === "getintradayactivity" && r.form.data_fields === DEFAULT_FIELDS)).toBe(true);
    expect(result.map((p: any) => p.timestamp)).toEqual([1794996000, 1795046400, 1795068750]);
    expect(result[2]).toMatchObject({ steps: 23, heart_rate: 81 });
    expect(summary).toBe("Retrieved 3 intraday points from 2026-11-18 00:00 to 2026-11-20 12:00 UTC");
  });

  it("accepts exactly 7 local days, one call per day, after asking Withings for the zone", async () => {
    const zoneReply = { status: 0, body: { updatetime: 1795230000, timezone: "Europe/Paris", measuregrps: [] } };
    const empty = loadFixture("measurev2-getintradayactivity-empty");
    const http = mockWithings([
      { path: "/measure", body: zoneReply },
      ...Array.from({ length: 7 }, () => ({ path: "/v2/measure", body: empty })),
    ]);
    const { result, summary } = await runAction(action, { startDate: "2026-11-14", endDate: "2026-11-20" });
    const calls = http.requests.slice(1);
    expect(http.requests[0].form.action).toBe("getmeas");
    expect(calls).toHaveLength(7);
    // Midnight Paris on the 14th to the last second of the 20th.
    expect(calls[0].form).toMatchObject({ startdate: "1794610800", enddate: "1794697200" });
    expect(calls[6].form).toMatchObject({ startdate: "1795129200", enddate: "1795215599" });
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 intraday points from 2026-11-14 00:00 to 2026-11-20 23:59");
  });

  it("stops calling once maxResults points are collected", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity-day-1") }]);
    const { result } = await runAction(action, { startDate: "2026-11-18T00:00:00Z", endDate: "2026-11-20T12:00:00Z", maxResults: 2 });
    expect(http.requests).toHaveLength(1);
    expect(result).toHaveLength(2);
  });

  it("truncates to maxResults within one call", async () => {
    mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity") }]);
    const { result, summary } = await runAction(action, { ...HOUR, maxResults: 3 });
    expect(result.map((p: any) => p.timestamp)).toEqual([1795158000, 1795158060, 1795158120]);
    expect(summary).toMatch(/^Retrieved 3 intraday points /);
  });

  it("reads series: [] as no data and keeps null devices and unknown models", async () => {
    mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getintradayactivity-unknown-nulls") }]);
    const { result } = await runAction(action, HOUR);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ deviceid: null, model: null, model_id: null });
    expect(result[1]).toMatchObject({ model: "Device Model 9999", steps: 12 });
  });

  it("refuses a range over 7 days, naming endDate and saying why, before any request", async () => {
    const http = mockWithings([]);
    const err = await runAction(action, { startDate: "2026-11-01T00:00:00Z", endDate: "2026-11-20T00:00:00Z" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"endDate"');
    expect(err.message).toMatch(/longer than 7 days.*24 hours per call/);
    expect(http.requests).toHaveLength(0);
  });

  itRefusesBadInput(action, [
    [{ startDate: "2026-11-13", endDate: "2026-11-20" }, "endDate"],
    [{ startDate: "2026-11-13", endDate: "2026-11-20", timezone: "Europe/Paris" }, "endDate"],
    [{ startDate: "2026-11-01T00:00:00Z" }, "endDate"],
    [{ startDate: "now" }, "startDate"],
    [{ startDate: "2026-11-20T10:00:00Z", endDate: "2026-11-20T09:00:00Z" }, "endDate"],
    [{ lastUpdate: "1795000000" }, "lastUpdate"],
    [{ dataFields: ["steps", "hr_average"] }, "dataFields"],
    [{ maxResults: 0 }, "maxResults"],
    [{ timezone: "UTC+1" }, "timezone"],
  ], { now: "2026-11-20T08:00:00Z" });

  itMapsErrorEnvelopes(action, { path: "/v2/measure", withingsAction: "getintradayactivity", props: HOUR });
});
