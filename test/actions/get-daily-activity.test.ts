import action from "../../components/withings/actions/get-daily-activity/get-daily-activity";
import { DATA_FIELDS } from "../../common/codes/data-fields";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput, itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const RANGE = { startDate: "2026-11-19", endDate: "2026-11-20", timezone: "Europe/Paris" };
const ALL_FIELDS = DATA_FIELDS.getactivity.join(",");

describe("Get Daily Activity", () => {
  it("posts getactivity to /v2/measure with a ymd range, every data field and the Bearer token", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity") }]);
    const { result, summary } = await runAction(action, RANGE);

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/measure");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({
      action: "getactivity", startdateymd: "2026-11-19", enddateymd: "2026-11-20", data_fields: ALL_FIELDS,
    });

    expect(result).toHaveLength(3);
    expect(result[0]).toMatchObject({
      date: "2026-11-19", steps: 9412, hr_average: 71, brand: 1, brand_name: "Withings", modelid: 94, model: "ScanWatch 2",
      timezone: "Europe/Paris",
    });
    // Two sources on the same day stay two rows; the phone row has no heart-rate fields.
    expect(result[1]).toMatchObject({ date: "2026-11-19", brand_name: "External", model: "HealthKit step iPhone tracker", deviceid: null });
    expect("hr_average" in result[1]).toBe(false);
    expect(summary).toBe("Retrieved 3 daily activity records from 2026-11-19 to 2026-11-20");
  });

  it("sends only the chosen data fields", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity-empty") }]);
    await runAction(action, { ...RANGE, dataFields: ["steps", "hr_average", "steps"] });
    expect(http.requests[0].form.data_fields).toBe("steps,hr_average");
  });

  it("defaults to the last 7 days, today included, in the user's zone from the prop", async () => {
    // 23:30 UTC on the 20th is already the 21st in Paris.
    jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-11-20T23:30:00Z"));
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity-empty") }]);
    const { summary } = await runAction(action, { timezone: "Europe/Paris" });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].form).toMatchObject({ startdateymd: "2026-11-15", enddateymd: "2026-11-21" });
    expect(summary).toBe("Retrieved 0 daily activity records from 2026-11-15 to 2026-11-21");
  });

  it("asks Withings for the user's zone when the default range needs it", async () => {
    jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-11-21T03:00:00Z"));
    const zoneReply = { status: 0, body: { updatetime: 1795230000, timezone: "America/Los_Angeles", measuregrps: [] } };
    const http = mockWithings([
      { path: "/measure", body: zoneReply },
      { path: "/v2/measure", body: loadFixture("measurev2-getactivity-empty") },
    ]);
    await runAction(action, {});
    expect(http.requests.map((r) => r.path)).toEqual(["/measure", "/v2/measure"]);
    expect(http.requests[0].form.action).toBe("getmeas");
    // 03:00 UTC on the 21st is still the 20th in Los Angeles.
    expect(http.requests[1].form).toMatchObject({ startdateymd: "2026-11-14", enddateymd: "2026-11-20" });
  });

  it("sends lastupdate alone, without a date range or a zone lookup", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity-empty") }]);
    const { summary } = await runAction(action, { lastUpdate: "2026-11-18T00:00:00Z" });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].form).toEqual({ action: "getactivity", lastupdate: "1794960000", data_fields: ALL_FIELDS });
    expect(summary).toBe("Retrieved 0 daily activity records changed since 2026-11-18T00:00:00.000Z");
  });

  it("follows more/offset across pages and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/v2/measure", body: loadFixture("measurev2-getactivity-page-1") },
      { path: "/v2/measure", body: loadFixture("measurev2-getactivity-page-2") },
    ]);
    const { result, summary } = await runAction(action, { lastUpdate: "1794441600", maxResults: 3 });
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "2"]);
    expect(http.requests[1].form).toEqual({ action: "getactivity", lastupdate: "1794441600", data_fields: ALL_FIELDS, offset: "2" });
    expect(result.map((a: any) => a.date)).toEqual(["2026-11-12", "2026-11-13", "2026-11-14"]);
    expect(result[2]).toMatchObject({ model: "Google Health Connect", timezone: "America/Chicago", brand_name: "External" });
    expect(summary).toBe("Retrieved 3 daily activity records changed since 2026-11-12T00:00:00.000Z");
  });

  it("does not fetch another page once maxResults is reached", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity-page-1") }]);
    const { result } = await runAction(action, { lastUpdate: "1794441600", maxResults: 2 });
    expect(result).toHaveLength(2);
    expect(http.requests).toHaveLength(1);
  });

  it("labels unknown brands and models and fills a missing zone from the prop", async () => {
    mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getactivity-unknown-nulls") }]);
    const { result } = await runAction(action, RANGE);
    expect(result[0]).toMatchObject({ brand_name: "brand_7", model: "Device Model 4242", timezone: "Europe/Paris" });
    expect(result[1]).toMatchObject({ modelid: 1060, model: "Google Health Connect" });
  });

  itRefusesBadInput(action, [
    [{ startDate: "last week" }, "startDate"],
    [{ startDate: "2026-11-21", endDate: "2026-11-01" }, "endDate"],
    [{ endDate: "2026-13-01" }, "endDate"],
    [{ lastUpdate: "1795000000", startDate: "2026-11-01" }, "lastUpdate"],
    [{ lastUpdate: "2026-11-18" }, "lastUpdate"],
    [{ dataFields: ["steps", "heart_rate"] }, "dataFields"],
    [{ maxResults: 0 }, "maxResults"],
    [{ timezone: "Paris" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/measure", withingsAction: "getactivity", props: RANGE });
});
