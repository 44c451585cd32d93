import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-sleep/get-sleep";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itMapsErrorEnvelopes, itRefusesBadInput } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

// 2026-11-19T20:00:00Z to 2026-11-20T07:00:00Z: one call.
const RANGE = { startDate: "2026-11-19T20:00:00Z", endDate: "2026-11-20T07:00:00Z" };
const DEV = "7e2c94b1d05f4a3e9c8b6d2f1a0e5c4b3d2a1f09";

describe("Get Sleep", () => {
  it("posts get to /v2/sleep with unix dates, default data fields and the Bearer token, and decodes sorted segments", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get") }]);
    const { result, summary } = await runAction(action, { ...RANGE, timezone: "Europe/Paris" });

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/sleep");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "get", startdate: "1795118400", enddate: "1795158000", data_fields: "hr,rr,snoring" });

    expect(result.map((s: any) => s.state_name)).toEqual(["awake", "light", "deep", "rem", "light", "awake"]);
    expect(result.map((s: any) => s.startdate)).toEqual([1795123800, 1795124520, 1795127400, 1795132200, 1795135200, 1795152600]);
    expect(result[0]).toEqual({
      startdate: 1795123800, enddate: 1795124520,
      start_iso: "2026-11-19T22:30:00+01:00", end_iso: "2026-11-19T22:42:00+01:00",
      duration_seconds: 720, state: 0, state_name: "awake",
      model: "Aura Sensor V2", model_id: 63, hash_deviceid: DEV,
      samples: {
        hr: [{ timestamp: 1795123800, value: 74 }, { timestamp: 1795123860, value: 72 }],
        rr: [{ timestamp: 1795123800, value: 16 }, { timestamp: 1795123860, value: 16 }],
        snoring: [{ timestamp: 1795123800, value: 0 }, { timestamp: 1795123860, value: 0 }],
      },
    });
    // Sample keys arrive unordered; readings come out sorted by time.
    expect(result[3].samples.hr).toEqual([{ timestamp: 1795132200, value: 61 }, { timestamp: 1795132260, value: 64 }]);
    // Light 48 + deep 80 + REM 50 + light 290 minutes.
    expect(summary).toBe("Retrieved 6 sleep segments (7 h 48 min asleep) from 2026-11-19 21:00 to 2026-11-20 08:00 Europe/Paris");
  });

  it("shows times in UTC when no time zone is given and no date needs one", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get") }]);
    const { result, summary } = await runAction(action, RANGE);
    expect(http.requests).toHaveLength(1);
    expect(result[0].start_iso).toBe("2026-11-19T21:30:00+00:00");
    expect(summary).toBe("Retrieved 6 sleep segments (7 h 48 min asleep) from 2026-11-19 20:00 to 2026-11-20 07:00 UTC");
  });

  it.each([
    [["hr", "mvt_score", "hr"], "hr,mvt_score"],
    ["rr, snoring", "rr,snoring"],
    [[], "hr,rr,snoring"],
  ])("sends dataFields %j as data_fields=%s", async (dataFields, sent) => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") }]);
    await runAction(action, { ...RANGE, dataFields });
    expect(http.requests[0].form.data_fields).toBe(sent);
  });

  it("defaults to the last 24 hours", async () => {
    jest.spyOn(Date, "now").mockReturnValue(1795158000_000);
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") }]);
    const { summary } = await runAction(action, {});
    expect(http.requests[0].form).toEqual({ action: "get", startdate: "1795071600", enddate: "1795158000", data_fields: "hr,rr,snoring" });
    expect(summary).toBe("Retrieved 0 sleep segments (0 min asleep) from 2026-11-19 07:00 to 2026-11-20 07:00 UTC");
  });

  it("splits a longer range into sequential 24 h calls and keeps a segment seen by two calls once", async () => {
    const http = mockWithings([
      { path: "/v2/sleep", body: loadFixture("sleepv2-get-chunk-1") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-get-chunk-2") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") },
    ]);
    const { result, summary } = await runAction(action, { startDate: "2026-11-18T12:00:00Z", endDate: "2026-11-20T18:00:00Z" });

    expect(http.requests.map((r) => [r.form.startdate, r.form.enddate])).toEqual([
      ["1795003200", "1795089600"],
      ["1795089600", "1795176000"],
      ["1795176000", "1795197600"],
    ]);
    for (const r of http.requests) expect(r.form).toMatchObject({ action: "get", data_fields: "hr,rr,snoring" });

    expect(result.map((s: any) => s.startdate)).toEqual([1795037400, 1795038000, 1795089000, 1795123800, 1795127400]);
    const boundary = result[2];
    expect(boundary).toMatchObject({ enddate: 1795090800, state_name: "light", duration_seconds: 1800 });
    expect(boundary.samples.hr.map((s: any) => [s.timestamp, s.value])).toEqual([
      [1795089000, 62], [1795089300, 61], [1795089600, 60], [1795090200, 63],
    ]);
    // Awake 10 min; deep 440 + boundary light 30 + light 60 + REM 435 minutes.
    expect(summary).toBe("Retrieved 5 sleep segments (16 h 5 min asleep) from 2026-11-18 12:00 to 2026-11-20 18:00 UTC");
  });

  it("stops calling once maxResults segments are in hand", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get-chunk-1") }]);
    const { result, summary } = await runAction(action, {
      startDate: "2026-11-18T12:00:00Z", endDate: "2026-11-20T18:00:00Z", maxResults: 2,
    });
    expect(http.requests).toHaveLength(1);
    expect(result.map((s: any) => s.startdate)).toEqual([1795037400, 1795038000]);
    expect(summary).toMatch(/^Retrieved 2 sleep segments \(7 h 20 min asleep\)/);
  });

  it("asks for the account's time zone when a date has no offset, and reads the days in that zone", async () => {
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") },
    ]);
    const { summary } = await runAction(action, { startDate: "2026-11-19", endDate: "2026-11-20" });
    expect(http.requests[0].form.action).toBe("getmeas");
    // Midnight Paris on the 19th to the last second of the 20th, in two calls.
    expect(http.requests.slice(1).map((r) => [r.form.startdate, r.form.enddate])).toEqual([
      ["1795042800", "1795129200"],
      ["1795129200", "1795215599"],
    ]);
    expect(summary).toBe("Retrieved 0 sleep segments (0 min asleep) from 2026-11-19 00:00 to 2026-11-20 23:59 Europe/Paris");
  });

  it("keeps unknown states, empty and null device fields and extra series without throwing", async () => {
    mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get-unknown-nulls") }]);
    const { result, summary } = await runAction(action, RANGE);
    expect(result.map((s: any) => s.state_name)).toEqual(["state_9", "out_of_bed", "deep"]);
    expect(result[0]).toMatchObject({ model: null, model_id: null, hash_deviceid: null });
    expect(result[0].samples.hr[1]).toEqual({ timestamp: 1795140060, value: null });
    expect(result[1]).toMatchObject({ model: "Aura Sensor V2", samples: {} });
    expect(result[2].samples).toEqual({ mvt_score: [{ timestamp: 1795141200, value: 3 }] });
    // Only the deep segment counts as asleep.
    expect(summary).toMatch(/^Retrieved 3 sleep segments \(10 min asleep\)/);
  });

  it("returns an empty list with a summary when there is no data", async () => {
    mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") }]);
    const { result, summary } = await runAction(action, RANGE);
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 sleep segments (0 min asleep) from 2026-11-19 20:00 to 2026-11-20 07:00 UTC");
  });

  it("accepts exactly 7 days as 7 calls", async () => {
    const http = mockWithings(Array.from({ length: 7 }, () => ({ path: "/v2/sleep", body: loadFixture("sleepv2-get-empty") })));
    await runAction(action, { startDate: "2026-11-13T00:00:00Z", endDate: "2026-11-20T00:00:00Z" });
    expect(http.requests).toHaveLength(7);
    expect(http.pending()).toEqual([]);
  });

  it("explains why a range over 7 days is refused", async () => {
    const http = mockWithings([]);
    const err = await runAction(action, { startDate: "2026-11-01T00:00:00Z", endDate: "2026-11-20T00:00:00Z" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/"endDate".*19 days.*24 h per call.*at most 7 days/);
    expect(http.requests).toHaveLength(0);
  });

  itRefusesBadInput(action, [
    [{ startDate: "yesterday" }, "startDate"],
    [{ endDate: "2026-13-01" }, "endDate"],
    [{ startDate: "2026-11-21T00:00:00Z", endDate: "2026-11-20T00:00:00Z" }, "endDate"],
    [{ startDate: "2026-11-13T00:00:00Z", endDate: "2026-11-20T00:00:01Z" }, "endDate"],
    // Eight local days are refused before the account's zone is even asked for.
    [{ startDate: "2026-11-01", endDate: "2026-11-08" }, "endDate"],
    // A start long ago with no end runs to now.
    [{ startDate: "2026-01-01T00:00:00Z" }, "endDate"],
    [{ startDate: "1795000000000" }, "startDate"],
    [{ dataFields: ["hr", "heart_rate"] }, "dataFields"],
    [{ dataFields: "steps" }, "dataFields"],
    [{ maxResults: 0 }, "maxResults"],
    [{ maxResults: 2.5 }, "maxResults"],
    [{ timezone: "Paris" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/sleep", withingsAction: "get", props: RANGE });
});
