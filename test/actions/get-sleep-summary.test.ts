import action from "../../components/withings/actions/get-sleep-summary/get-sleep-summary";
import { DEFAULT_DATA_FIELDS } from "../../common/codes/data-fields";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput, itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const RANGE = { startDate: "2026-11-14", endDate: "2026-11-20" };
const ALL_FIELDS = DEFAULT_DATA_FIELDS.getsummary.join(",");

describe("Get Sleep Summary", () => {
  it("posts getsummary to /v2/sleep with local days, every useful data field and the Bearer token", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary") }]);
    const { result, summary } = await runAction(action, RANGE);

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/sleep");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "getsummary", startdateymd: "2026-11-14", enddateymd: "2026-11-20", data_fields: ALL_FIELDS });
    // Without these Withings leaves out heart rate, score and snoring; the deprecated fields are not asked for.
    const sent = req.form.data_fields.split(",");
    expect(sent).toEqual(expect.arrayContaining(["hr_average", "sleep_score", "snoring", "total_sleep_time", "night_events"]));
    expect(sent).not.toContain("durationtosleep");
    expect(sent).not.toContain("durationtowakeup");

    expect(result.map((n: any) => n.date)).toEqual(["2026-11-20", "2026-11-19", "2026-11-18"]);
    const raw = loadFixture("sleepv2-getsummary").body.series[0];
    expect(result[0]).toEqual({
      id: 3184520961, date: "2026-11-20", timezone: "Europe/Paris",
      startdate: 1795123800, enddate: 1795153500,
      start_iso: "2026-11-19T22:30:00+01:00", end_iso: "2026-11-20T06:45:00+01:00",
      model: 32, model_name: "Sleep Monitor", model_id: 63, device_model: "Aura Sensor V2",
      hash_deviceid: "7e2c94b1d05f4a3e9c8b6d2f1a0e5c4b3d2a1f09",
      created: 1795155300, modified: 1795155300, completed: true,
      data: raw.data,
      total_sleep_time_hours: 7.8, sleep_score: 84, hr_average: 58,
    });
    expect(result[0].data).toMatchObject({ sleep_efficiency: 0.94, snoring: 540, night_events: { "2": [720] } });
    expect(result[1]).toMatchObject({ total_sleep_time_hours: 7.2, sleep_score: 77, hr_average: 61 });
    expect(summary).toBe("Retrieved 3 sleep summaries from 2026-11-14 to 2026-11-20");
  });

  it.each([
    [["sleep_score", "hr_average"], "sleep_score,hr_average"],
    ["total_sleep_time, waso", "total_sleep_time,waso"],
    [[], ALL_FIELDS],
  ])("sends dataFields %j as data_fields", async (dataFields, sent) => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-empty") }]);
    await runAction(action, { ...RANGE, dataFields });
    expect(http.requests[0].form.data_fields).toBe(sent);
  });

  it("defaults to the last 7 days in the account's time zone, asked from Withings", async () => {
    // 2026-11-20T23:30:00Z is already the 21st in Paris.
    jest.spyOn(Date, "now").mockReturnValue(1795217400_000);
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-empty") },
    ]);
    const { summary } = await runAction(action, {});
    expect(http.requests[0].form.action).toBe("getmeas");
    expect(http.requests[1].form).toEqual({ action: "getsummary", startdateymd: "2026-11-15", enddateymd: "2026-11-21", data_fields: ALL_FIELDS });
    expect(summary).toBe("Retrieved 0 sleep summaries from 2026-11-15 to 2026-11-21");
  });

  it("uses the given time zone for the default days without asking Withings", async () => {
    jest.spyOn(Date, "now").mockReturnValue(1795217400_000);
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-empty") }]);
    await runAction(action, { timezone: "America/Los_Angeles" });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].form).toMatchObject({ startdateymd: "2026-11-14", enddateymd: "2026-11-20" });
  });

  it("turns an exact start time into the user's day", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-empty") }]);
    await runAction(action, { startDate: "2026-11-13T23:30:00Z", endDate: "2026-11-20", timezone: "Europe/Paris" });
    expect(http.requests[0].form).toMatchObject({ startdateymd: "2026-11-14", enddateymd: "2026-11-20" });
  });

  it("follows more/offset with lastupdate only, and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-page-1") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-page-2") },
    ]);
    const { result, summary } = await runAction(action, { lastUpdate: "1795000000", maxResults: 3 });
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "2"]);
    expect(http.requests[0].form).toEqual({ action: "getsummary", lastupdate: "1795000000", data_fields: ALL_FIELDS });
    expect(http.requests[1].form).toEqual({ action: "getsummary", lastupdate: "1795000000", data_fields: ALL_FIELDS, offset: "2" });
    expect(result.map((n: any) => n.id)).toEqual([3184299032, 3184407755, 3184520961]);
    expect(summary).toBe("Retrieved 3 sleep summaries changed since 2026-11-18T11:06:40.000Z");
  });

  it("does not fetch another page once maxResults is reached", async () => {
    const http = mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-page-1") }]);
    const { result } = await runAction(action, { lastUpdate: "1795000000", maxResults: 2 });
    expect(result).toHaveLength(2);
    expect(http.requests).toHaveLength(1);
  });

  it("reads every page when the cap allows", async () => {
    const http = mockWithings([
      { path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-page-1") },
      { path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-page-2") },
    ]);
    const { result, summary } = await runAction(action, RANGE);
    expect(http.requests[1].form).toMatchObject({ startdateymd: "2026-11-14", enddateymd: "2026-11-20", offset: "2" });
    expect(result).toHaveLength(4);
    expect(summary).toBe("Retrieved 4 sleep summaries from 2026-11-14 to 2026-11-20");
  });

  it("keeps unknown models, missing zones and null values without throwing", async () => {
    mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-unknown-nulls") }]);
    const { result, summary } = await runAction(action, { ...RANGE, timezone: "Asia/Tokyo" });
    expect(result[0]).toMatchObject({
      timezone: "Asia/Tokyo", start_iso: "2026-11-21T00:00:00+09:00", model: 48, model_name: "Sleep Model 48",
      model_id: null, device_model: null, hash_deviceid: null, completed: null,
    });
    expect(result[0]).not.toHaveProperty("sleep_score");
    expect(result[1]).toMatchObject({ timezone: "America/New_York", model_name: "Tracker", device_model: "ScanWatch", completed: false });
    expect(result[1].data).toEqual({ total_sleep_time: 0, sleep_score: null, hr_average: null });
    expect(summary).toBe("Retrieved 2 sleep summaries from 2026-11-14 to 2026-11-20");
  });

  it("returns an empty list with a summary when there is no data", async () => {
    mockWithings([{ path: "/v2/sleep", body: loadFixture("sleepv2-getsummary-empty") }]);
    const { result, summary } = await runAction(action, { ...RANGE, endDate: "2026-11-14" });
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 sleep summaries from 2026-11-14 to 2026-11-14");
  });

  itRefusesBadInput(action, [
    [{ lastUpdate: "1795000000", startDate: "2026-11-01" }, "lastUpdate"],
    [{ lastUpdate: "2026-11-20" }, "lastUpdate"],
    [{ startDate: "last week" }, "startDate"],
    [{ startDate: "2026-11-20", endDate: "2026-11-14" }, "endDate"],
    [{ startDate: "2026-02-29" }, "startDate"],
    [{ dataFields: ["sleep_score", "hr"] }, "dataFields"],
    [{ maxResults: -1 }, "maxResults"],
    [{ maxResults: "many" }, "maxResults"],
    [{ timezone: "CET+1" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/sleep", withingsAction: "getsummary", props: RANGE });
});
