import action from "../../components/withings/actions/list-ecg-recordings/list-ecg-recordings";
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

describe("List ECG Recordings", () => {
  it("posts list to /v2/heart with unix dates and the Bearer token, and decodes every recording", async () => {
    const http = mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list") }]);
    const { result, summary } = await runAction(action, RANGE);

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/heart");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "list", startdate: "1793491200", enddate: "1795219200" });

    expect(result).toEqual([
      {
        timestamp: 1795156920, time_iso: "2026-11-20T07:42:00+01:00", timezone: "Europe/Paris",
        deviceid: "c41f8e2a7b3d5c6e9f0a1b2c3d4e5f60718293a4", model: 93, model_name: "ScanWatch",
        signalid: 412876530, afib: 0, afib_result: "negative", heart_rate: 68, bloodpressure: null, modified: 1795156990,
      },
      {
        timestamp: 1794938700, time_iso: "2026-11-17T18:05:00+00:00", timezone: "UTC",
        deviceid: "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", model: 44, model_name: "BPM Core",
        signalid: 412650112, afib: 2, afib_result: "inconclusive", heart_rate: 71,
        bloodpressure: { systole: 124, diastole: 79 }, modified: 1794938790,
      },
      expect.objectContaining({ model_name: "Move ECG", signalid: 412301877, afib_result: "positive", heart_rate: 104 }),
    ]);
    expect(summary).toBe("Retrieved 3 ECG recordings from 2026-11-01 to 2026-11-21");
  });

  it("shows recordings without a zone in the given time zone", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list") }]);
    const { result } = await runAction(action, { ...RANGE, timezone: "America/New_York" });
    expect(result[0].time_iso).toBe("2026-11-20T07:42:00+01:00");
    expect(result[1]).toMatchObject({ time_iso: "2026-11-17T13:05:00-05:00", timezone: "America/New_York" });
  });

  it("defaults to the last 30 days", async () => {
    jest.spyOn(Date, "now").mockReturnValue(1795219200_000);
    const http = mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-empty") }]);
    const { summary } = await runAction(action, {});
    expect(http.requests[0].form).toEqual({ action: "list", startdate: "1792627200", enddate: "1795219200" });
    expect(summary).toBe("Retrieved 0 ECG recordings from 2026-10-22 to 2026-11-21");
  });

  it("asks for the account's time zone when a date has no offset", async () => {
    const http = mockWithings([
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
      { path: "/v2/heart", body: loadFixture("heartv2-list") },
    ]);
    const { result } = await runAction(action, { startDate: "2026-11-19", endDate: "2026-11-20" });
    expect(http.requests[0].form.action).toBe("getmeas");
    expect(http.requests[1].form).toEqual({ action: "list", startdate: "1795042800", enddate: "1795215599" });
    expect(result[1].time_iso).toBe("2026-11-17T19:05:00+01:00");
  });

  it("follows more/offset across pages and stops at maxResults", async () => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-1") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-2") },
    ]);
    const { result, summary } = await runAction(action, { ...RANGE, maxResults: 3 });
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "2"]);
    expect(http.requests[1].form).toEqual({ action: "list", startdate: "1793491200", enddate: "1795219200", offset: "2" });
    expect(result.map((r: any) => r.signalid)).toEqual([412876530, 412650112, 412301877]);
    expect(summary).toBe("Retrieved 3 ECG recordings from 2026-11-01 to 2026-11-21");
  });

  it("reads every page when the cap allows, and does not fetch past the cap", async () => {
    const all = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-1") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-2") },
    ]);
    const { result } = await runAction(action, RANGE);
    expect(result.map((r: any) => r.signalid)).toEqual([412876530, 412650112, 412301877, 412200450]);
    expect(all.pending()).toEqual([]);
    resetHttp();

    const capped = mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-page-1") }]);
    const { result: two } = await runAction(action, { ...RANGE, maxResults: 2 });
    expect(two).toHaveLength(2);
    expect(capped.requests).toHaveLength(1);
  });

  it("stops with an error when Withings asks for more without a new offset", async () => {
    const stuck = loadFixture("heartv2-list-page-1");
    stuck.body.offset = 0;
    mockWithings([
      { path: "/v2/heart", body: stuck },
      { path: "/v2/heart", body: stuck },
    ]);
    const err = await runAction(action, RANGE).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
  });

  it("keeps unknown codes and missing values without throwing", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-unknown-nulls") }]);
    const { result } = await runAction(action, RANGE);
    expect(result[0]).toMatchObject({ deviceid: null, model_name: "Device Model 999", afib: 7, afib_result: "afib_7", heart_rate: null, modified: null });
    expect(result[1]).toMatchObject({ signalid: null, afib: null, afib_result: null, bloodpressure: { systole: 131, diastole: 82 } });
  });

  it("returns an empty list with a summary when there is no data", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-empty") }]);
    const { result, summary } = await runAction(action, RANGE);
    expect(result).toEqual([]);
    expect(summary).toBe("Retrieved 0 ECG recordings from 2026-11-01 to 2026-11-21");
  });

  itRefusesBadInput(action, [
    [{ startDate: "last month" }, "startDate"],
    [{ endDate: "2026-11-31" }, "endDate"],
    [{ startDate: "2026-11-21T00:00:00Z", endDate: "2026-11-01T00:00:00Z" }, "endDate"],
    [{ endDate: "1795219200000" }, "endDate"],
    [{ maxResults: 0 }, "maxResults"],
    [{ timezone: "Europe/Atlantis" }, "timezone"],
  ]);

  itMapsErrorEnvelopes(action, { path: "/v2/heart", withingsAction: "list", props: RANGE });
});
