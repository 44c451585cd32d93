import action from "../../components/withings/actions/list-stethoscope-recordings/list-stethoscope-recordings";
import { WithingsResponseError } from "../../common/errors";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput, itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

const RANGE = { startDate: "2026-11-01T00:00:00Z", endDate: "2026-11-21T00:00:00Z" };
const HASH = "892359876fd8805ac45bab078c4828692f0276b1";

describe("List Stethoscope Recordings", () => {
  it("posts list to /v2/stetho with unix dates and the Bearer token, and decodes every recording", async () => {
    const http = mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list") }]);
    const { result, summary } = await runAction(action, RANGE);

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/stetho");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "list", startdate: "1793491200", enddate: "1795219200" });

    expect(result).toEqual([
      {
        signalid: 187000004, timestamp: 1795161900, time_iso: "2026-11-20T09:05:00+01:00", timezone: "Europe/Paris",
        hash_deviceid: HASH, vhd: 0, vhd_result: "negative",
      },
      {
        signalid: 187000003, timestamp: 1794906300, time_iso: "2026-11-17T09:05:00+00:00", timezone: "UTC",
        hash_deviceid: HASH, vhd: 1, vhd_result: "positive",
      },
      {
        signalid: 187000002, timestamp: 1794647100, time_iso: "2026-11-14T04:05:00-05:00", timezone: "America/New_York",
        hash_deviceid: HASH, vhd: 2, vhd_result: "inconclusive",
      },
    ]);
    expect(summary).toBe("Retrieved 3 stethoscope recordings from 2026-11-01 to 2026-11-21");
  });

  it("shows recordings without a zone in the given time zone", async () => {
    mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list") }]);
    const { result } = await runAction(action, { ...RANGE, timezone: "Europe/Berlin" });
    expect(result[0].time_iso).toBe("2026-11-20T09:05:00+01:00");
    expect(result[1]).toMatchObject({ time_iso: "2026-11-17T10:05:00+01:00", timezone: "Europe/Berlin" });
  });

  it("defaults to the last 30 days", async () => {
    jest.spyOn(Date, "now").mockReturnValue(1795219200_000);
    const http = mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list-empty") }]);
    const { result, summary } = await runAction(action, {});
    expect(http.requests[0].form).toEqual({ action: "list", startdate: "1792627200", enddate: "1795219200" });
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 stethoscope recordings from 2026-10-22 to 2026-11-21");
  });

  it("asks for the account's time zone when a date has no offset", async () => {
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
      { path: "/v2/stetho", body: loadFixture("stethov2-list") },
    ]);
    await runAction(action, { startDate: "2026-11-19", endDate: "2026-11-20" });
    expect(http.requests[0].form.action).toBe("getmeas");
    expect(http.requests[1].form).toEqual({ action: "list", startdate: "1795042800", enddate: "1795215599" });
  });

  it("follows more/offset across pages and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-1") },
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-2") },
    ]);
    const { result, summary } = await runAction(action, { ...RANGE, maxResults: 3 });
    expect(http.requests[1].form).toEqual({ action: "list", startdate: "1793491200", enddate: "1795219200", offset: "2" });
    expect(result.map((r: any) => r.signalid)).toEqual([187000004, 187000003, 187000002]);
    expect(summary).toBe("Retrieved 3 stethoscope recordings from 2026-11-01 to 2026-11-21");
  });

  it("reads every page when the cap allows, and does not fetch past the cap", async () => {
    const all = mockWithings([
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-1") },
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-2") },
    ]);
    const { result } = await runAction(action, RANGE);
    expect(result.map((r: any) => r.signalid)).toEqual([187000004, 187000003, 187000002, 187000001]);
    expect(all.pending()).toEqual([]);
    resetHttp();

    const capped = mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list-page-1") }]);
    const { result: two } = await runAction(action, { ...RANGE, maxResults: 2 });
    expect(two).toHaveLength(2);
    expect(capped.requests).toHaveLength(1);
  });

  it("stops with an error when Withings asks for more without a new offset", async () => {
    const stuck = loadFixture("stethov2-list-page-1");
    stuck.body.offset = 0;
    mockWithings([{ path: "/v2/stetho", body: stuck }, { path: "/v2/stetho", body: stuck }]);
    await expect(runAction(action, RANGE)).rejects.toBeInstanceOf(WithingsResponseError);
  });

  it.each([
    ["no series", { more: false }, /returned nothing where the "series" list belongs/],
    ["a series that is an object", { series: { a: 1 }, more: false }, /returned an object where the "series" list belongs/],
    ["a series of numbers", { series: [187000004], more: false }, /returned a "series" list whose item 0 is a number, not a record/],
  ])("refuses a page with %s with a WithingsResponseError", async (_what, body, message) => {
    mockWithings([{ path: "/v2/stetho", body: { status: 0, body } }]);
    const err = await runAction(action, RANGE).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/^Withings list /);
    expect(err.message).toMatch(message);
  });

  it("refuses a broken second page rather than returning the first alone", async () => {
    mockWithings([
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-1") },
      { path: "/v2/stetho", body: { status: 0, body: { series: null, more: false } } },
    ]);
    await expect(runAction(action, RANGE)).rejects.toBeInstanceOf(WithingsResponseError);
  });

  it("keeps unknown codes and missing values without throwing", async () => {
    mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list-unknown-nulls") }]);
    const { result } = await runAction(action, RANGE);
    expect(result[0]).toMatchObject({ vhd: 7, vhd_result: "vhd_7", hash_deviceid: null });
    expect(result[1]).toMatchObject({ vhd: null, vhd_result: null, timezone: "UTC" });
  });

  itRefusesBadInput(action, [
    [{ startDate: "last month" }, "startDate"],
    [{ endDate: "2026-11-31" }, "endDate"],
    [{ startDate: "2026-11-21T00:00:00Z", endDate: "2026-11-01T00:00:00Z" }, "endDate"],
    [{ maxResults: 0 }, "maxResults"],
    [{ maxResults: "many" }, "maxResults"],
    [{ timezone: "Europe/Atlantis" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/stetho", withingsAction: "list", props: RANGE });
});
