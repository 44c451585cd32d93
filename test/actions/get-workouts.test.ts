import action from "../../components/withings/actions/get-workouts/get-workouts";
import { DATA_FIELDS } from "../../common/codes/data-fields";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput, itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const RANGE = { startDate: "2026-11-14", endDate: "2026-11-20", timezone: "Europe/Paris" };
const ALL_FIELDS = DATA_FIELDS.getworkouts.join(",");

describe("Get Workouts", () => {
  it("posts getworkouts to /v2/measure with a ymd range, every data field and the Bearer token", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getworkouts") }]);
    const { result, summary } = await runAction(action, RANGE);

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/measure");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({
      action: "getworkouts", startdateymd: "2026-11-14", enddateymd: "2026-11-20", data_fields: ALL_FIELDS,
    });

    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({
      id: 4187230551, category: 2, category_name: "Run", start_iso: "2026-11-18T18:42:11+01:00",
      end_iso: "2026-11-18T19:27:11+01:00", duration_seconds: 2700, date: "2026-11-18", timezone: "Europe/Paris",
      model: "ScanWatch 2", model_id: 94, attrib: 0, modified: 1795027190,
    });
    expect(result[0].data).toMatchObject({ hr_average: 151, hr_zone_0: 0, distance: 8125.4, spo2_average: null });
    expect(result[1]).toMatchObject({ category_name: "Walk", model: "HealthKit Step iPhone Tracker", deviceid: null });
    expect(result[1].data).toMatchObject({ hr_average: null, hr_min: null, hr_max: null, hr_zone_1: null, steps: 3904 });
    expect(summary).toBe("Retrieved 2 workouts from 2026-11-14 to 2026-11-20");
  });

  it("sends only the chosen data fields", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getworkouts-empty") }]);
    await runAction(action, { ...RANGE, dataFields: "calories, distance" });
    expect(http.requests[0].form.data_fields).toBe("calories,distance");
  });

  it("defaults to the last 30 days, today included, in the user's zone", async () => {
    jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-11-20T23:30:00Z"));
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getworkouts-empty") }]);
    const { result, summary } = await runAction(action, { timezone: "Asia/Tokyo" });
    expect(http.requests[0].form).toMatchObject({ startdateymd: "2026-10-23", enddateymd: "2026-11-21" });
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 workouts from 2026-10-23 to 2026-11-21");
  });

  it("turns an exact start time into the user's day, using the account's zone", async () => {
    const zoneReply = { status: 0, body: { updatetime: 1795230000, timezone: "America/New_York", measuregrps: [] } };
    const http = mockWithings([
      { path: "/measure", body: zoneReply },
      { path: "/v2/measure", body: loadFixture("measurev2-getworkouts-empty") },
    ]);
    await runAction(action, { startDate: "2026-11-18T02:00:00Z", endDate: "2026-11-20" });
    expect(http.requests).toHaveLength(2);
    // 02:00 UTC on the 18th is the evening of the 17th in New York.
    expect(http.requests[1].form).toMatchObject({ startdateymd: "2026-11-17", enddateymd: "2026-11-20" });
  });

  it("follows more/offset across pages and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/v2/measure", body: loadFixture("measurev2-getworkouts-page-1") },
      { path: "/v2/measure", body: loadFixture("measurev2-getworkouts-page-2") },
    ]);
    const { result, summary } = await runAction(action, { lastUpdate: "1794441600", maxResults: 3 });
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "2"]);
    expect(http.requests[1].form).toEqual({ action: "getworkouts", lastupdate: "1794441600", data_fields: ALL_FIELDS, offset: "2" });
    expect(result.map((w: any) => w.category_name)).toEqual(["Bicycling", "Swimming", "Yoga"]);
    expect(result[2]).toMatchObject({ start_iso: "2026-11-13T09:00:00+01:00", model: "ScanWatch" });
    expect(summary).toBe("Retrieved 3 workouts changed since 2026-11-12T00:00:00.000Z");
  });

  it("reads every page when the cap allows", async () => {
    const http = mockWithings([
      { path: "/v2/measure", body: loadFixture("measurev2-getworkouts-page-1") },
      { path: "/v2/measure", body: loadFixture("measurev2-getworkouts-page-2") },
    ]);
    const { result } = await runAction(action, { lastUpdate: "1794441600" });
    expect(http.requests).toHaveLength(2);
    expect(result.map((w: any) => w.id)).toEqual([4187100001, 4187100002, 4187100003, 4187100004]);
  });

  it("does not fetch another page once maxResults is reached", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getworkouts-page-1") }]);
    const { result } = await runAction(action, { lastUpdate: "1794441600", maxResults: 2 });
    expect(result).toHaveLength(2);
    expect(http.requests).toHaveLength(1);
  });

  it("names unknown categories and models generically and uses the prop zone when a workout has none", async () => {
    mockWithings([{ path: "/v2/measure", body: loadFixture("measurev2-getworkouts-unknown-nulls") }]);
    const { result } = await runAction(action, RANGE);
    expect(result[0]).toMatchObject({
      category_name: "Workout Category 9001", model: null, timezone: "Europe/Paris", start_iso: "2026-11-20T08:02:00+01:00",
      duration_seconds: 3600, data: {},
    });
    expect(result[1]).toMatchObject({ category_name: "Nordic Walking", model: "Device Model 777", timezone: "America/New_York" });
    expect(result[1].data).toEqual({ calories: 160, hr_average: null, hr_min: null, hr_max: null, hr_zone_0: null, steps: 2702 });
  });

  itRefusesBadInput(action, [
    [{ startDate: "tomorrow" }, "startDate"],
    [{ startDate: "2026-11-21", endDate: "2026-11-01" }, "endDate"],
    [{ lastUpdate: "1795000000", endDate: "2026-11-01" }, "lastUpdate"],
    [{ lastUpdate: "1795000000000" }, "lastUpdate"],
    [{ dataFields: ["calories", "sleep_score"] }, "dataFields"],
    [{ maxResults: -1 }, "maxResults"],
    [{ maxResults: 2.5 }, "maxResults"],
    [{ timezone: "Mars/Olympus" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/measure", withingsAction: "getworkouts", props: RANGE });
});
