import action from "../../components/withings/actions/get-measures/get-measures";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput, itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const RANGE = { startDate: "2026-11-19T00:00:00Z", endDate: "2026-11-21T00:00:00Z" };

describe("Get Measures", () => {
  it("posts getmeas to /measure with a form body and the Bearer token, and decodes every group", async () => {
    const http = mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas") }]);
    const { result, summary } = await runAction(action, { ...RANGE, measureTypes: [1, 6, 9] });

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({
      action: "getmeas", meastypes: "1,6,9", category: "1", startdate: "1795046400", enddate: "1795219200",
    });

    expect(result).toHaveLength(3);
    expect(result[0]).toMatchObject({
      grpid: 6120045101, date: 1795156920, date_iso: "2026-11-20T07:42:00+01:00", timezone: "Europe/Paris",
      attrib: 0, trusted: true, deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5", modelid: 6, model: "Body Cardio",
      values: { weight: 72.4, fat_ratio: 18.1, fat_mass: 13.104, muscle_mass: 56.32, hydration: 40.15, bone_mass: 2.96 },
      units: { weight: "kg", fat_ratio: "%", bone_mass: "kg" },
    });
    expect(result[0].measures[0]).toEqual({
      type: 1, key: "weight", name: "Weight", value: 72.4, unit: "kg", position: null, position_name: null,
      raw_value: 72400, raw_unit: -3,
    });
    expect(result[1].values).toEqual({ pulse_wave_velocity: 7.34, vascular_age: 38 });
    expect(result[2].values).toEqual({ diastolic_bp: 78, systolic_bp: 121, heart_pulse: 64 });
    expect(summary).toBe("Retrieved 3 measure groups from 2026-11-19 to 2026-11-21");
  });

  it("names the period in the user's days, not UTC days", async () => {
    mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-empty") }]);
    const { summary } = await runAction(action, { startDate: "2026-11-18T23:30:00Z", endDate: "2026-11-20T23:30:00Z" });
    expect(summary).toBe("Retrieved 0 measure groups from 2026-11-19 to 2026-11-21");
  });

  it("converts to imperial units on request", async () => {
    mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas") }]);
    const { result } = await runAction(action, { ...RANGE, unitSystem: "imperial" });
    expect(result[0].values.weight).toBe(159.61);
    expect(result[0].units.weight).toBe("lb");
    expect(result[0].values.fat_ratio).toBe(18.1);
  });

  it("keeps unknown codes, null devices and segment positions without throwing", async () => {
    mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-unknown-nulls") }]);
    const { result } = await runAction(action, { ...RANGE, unitSystem: "imperial" });
    expect(result[0]).toMatchObject({ deviceid: null, modelid: null, model: null, attrib_name: "Manual entry", timezone: "America/New_York" });
    expect(result[0].values).toEqual({ height: 68.31, body_temperature: 97.7 });
    expect(result[1]).toMatchObject({ attrib_name: "attrib_21", model: "Device Model 777" });
    expect(result[1].values).toEqual({ type_9999: 42.17, fat_free_mass_segment_torso: 6.34, fat_free_mass_segment_whole_body: 6.34 });
    expect(result[1].measures[0]).toMatchObject({ type: 9999, name: "Measure Type 9999", unit: "" });
  });

  it("follows more/offset across pages and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-page-1") },
      { path: "/measure", body: loadFixture("measure-getmeas-page-2") },
    ]);
    const { result, summary } = await runAction(action, { lastUpdate: "1795000000", maxResults: 3 });
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "2"]);
    expect(http.requests[1].form).toEqual({ action: "getmeas", category: "1", lastupdate: "1795000000", offset: "2" });
    expect(result.map((g: any) => g.values.weight)).toEqual([73.1, 72.95, 72.8]);
    expect(summary).toBe("Retrieved 3 measure groups changed since 2026-11-18T11:06:40.000Z");
  });

  it("does not fetch another page once maxResults is reached", async () => {
    const http = mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-page-1") }]);
    const { result } = await runAction(action, { lastUpdate: "1795000000", maxResults: 2 });
    expect(result).toHaveLength(2);
    expect(http.requests).toHaveLength(1);
  });

  it("returns an empty list with a summary when there is no data", async () => {
    mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-empty") }]);
    const { result, summary } = await runAction(action, RANGE);
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 measure groups from 2026-11-19 to 2026-11-21");
  });

  it("asks Withings for the user's time zone only when a local date needs it", async () => {
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
    ]);
    jest.spyOn(Date, "now").mockReturnValue(Date.parse("2026-11-21T09:30:00Z"));
    await runAction(action, { startDate: "2026-11-19", endDate: "2026-11-20" });
    expect(http.requests).toHaveLength(2);
    // The look-up reads nothing old: real measures changed since now, only for the zone in the reply.
    expect(http.requests[0].form).toEqual({ action: "getmeas", category: "1", lastupdate: "1795253400" });
    // Midnight Paris on the 19th to the last second of the 20th.
    expect(http.requests[1].form).toMatchObject({ startdate: "1795042800", enddate: "1795215599" });
  });

  itRefusesBadInput(action, [
    [{ startDate: "yesterday" }, "startDate"],
    [{ startDate: "2026-11-21", endDate: "2026-11-01" }, "endDate"],
    [{ startDate: "2026-02-30" }, "startDate"],
    [{ lastUpdate: "1795000000", startDate: "2026-11-01" }, "lastUpdate"],
    [{ startDate: "1795000000000" }, "startDate"],
    [{ maxResults: 0 }, "maxResults"],
    [{ maxResults: -5 }, "maxResults"],
    [{ measureTypes: ["weight"] }, "measureTypes"],
    [{ unitSystem: "nautical" }, "unitSystem"],
    [{ timezone: "Mars/Olympus" }, "timezone"],
    [{ category: 3 }, "category"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/measure", withingsAction: "getmeas", props: RANGE });
});
