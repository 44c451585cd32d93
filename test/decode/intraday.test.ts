import { decodeIntradaySeries } from "../../common/decode/intraday";
import { loadFixture } from "../helpers/fixtures";

describe("decodeIntradaySeries", () => {
  it("turns the epoch-keyed object into points sorted by time, in the given zone", () => {
    const out = decodeIntradaySeries(loadFixture("measurev2-getintradayactivity").body.series, "Europe/Paris");
    expect(out.map((p) => p.timestamp)).toEqual([1795158000, 1795158060, 1795158120, 1795158600]);
    expect(out[0]).toEqual({
      timestamp: 1795158000, time_iso: "2026-11-20T08:00:00+01:00", deviceid: "5e2b7c41d09a8f36b1e4c7a2905d3f68b4a1c0e9",
      model: "ScanWatch 2", model_id: 94, heart_rate: 64,
    });
    expect(out[2]).toMatchObject({ steps: 88, calories: 4.21, distance: 66.4, heart_rate: 97 });
  });

  it("uses UTC without a zone", () => {
    const [first] = decodeIntradaySeries(loadFixture("measurev2-getintradayactivity").body.series);
    expect(first.time_iso).toBe("2026-11-20T07:00:00+00:00");
  });

  it("reads [] (no data) and missing series as no points", () => {
    expect(decodeIntradaySeries([])).toEqual([]);
    expect(decodeIntradaySeries(undefined)).toEqual([]);
  });

  it("keeps null devices and names unknown models generically", () => {
    const out = decodeIntradaySeries(loadFixture("measurev2-getintradayactivity-unknown-nulls").body.series);
    expect(out[0]).toMatchObject({ timestamp: 1795158240, deviceid: null, model: null, model_id: null, heart_rate: null });
    expect(out[1]).toMatchObject({ deviceid: null, model: "Device Model 9999", model_id: 9999, steps: 12 });
  });
});
