import {
  asleepSeconds, decodeSamples, decodeSleepSegment, decodeSleepSummary, formatDuration, mergeSleepSegments,
} from "../../common/decode/sleep";
import type { SleepSegment, SleepSummary } from "../../common/types";
import { loadFixture } from "../helpers/fixtures";

const DEV = "7e2c94b1d05f4a3e9c8b6d2f1a0e5c4b3d2a1f09";

describe("decodeSamples", () => {
  it("turns an epoch-keyed object into readings sorted by time, nulling non-numbers", () => {
    expect(decodeSamples({ "1795132260": 64, "1795132200": 61, "1795132320": null, x: 5, "1795132380": "n/a" })).toEqual([
      { timestamp: 1795132200, value: 61 },
      { timestamp: 1795132260, value: 64 },
      { timestamp: 1795132320, value: null },
      { timestamp: 1795132380, value: null },
    ]);
  });
});

describe("decodeSleepSegment", () => {
  it("decodes times in the zone, the state name, the device and every sample series", () => {
    const seg: SleepSegment = loadFixture("sleepv2-get").body.series[2];
    expect(decodeSleepSegment(seg, "Europe/Paris")).toEqual({
      startdate: 1795132200, enddate: 1795135200,
      start_iso: "2026-11-20T00:50:00+01:00", end_iso: "2026-11-20T01:40:00+01:00",
      duration_seconds: 3000, state: 3, state_name: "rem",
      model: "Aura Sensor V2", model_id: 63, hash_deviceid: DEV,
      samples: {
        hr: [{ timestamp: 1795132200, value: 61 }, { timestamp: 1795132260, value: 64 }],
        rr: [{ timestamp: 1795132200, value: 15 }, { timestamp: 1795132260, value: 16 }],
        snoring: [{ timestamp: 1795132200, value: 0 }, { timestamp: 1795132260, value: 0 }],
      },
    });
  });

  it("labels unknown states generically and keeps null devices", () => {
    const [unknown, outOfBed, other] = loadFixture("sleepv2-get-unknown-nulls").body.series as SleepSegment[];
    expect(decodeSleepSegment(unknown, "UTC")).toMatchObject({
      state: 9, state_name: "state_9", model: null, model_id: null, hash_deviceid: null,
      samples: { hr: [{ timestamp: 1795140000, value: 58 }, { timestamp: 1795140060, value: null }] },
    });
    // An empty model name falls back to the model table.
    expect(decodeSleepSegment(outOfBed, "UTC")).toMatchObject({ state_name: "out_of_bed", model: "Aura Sensor V2", samples: {} });
    expect(decodeSleepSegment(other, "UTC")).toMatchObject({ model: "Sleep Tracker X", model_id: 4242, samples: { mvt_score: [{ timestamp: 1795141200, value: 3 }] } });
  });
});

describe("mergeSleepSegments", () => {
  const base = { state: 1, hash_deviceid: "d1", model: "Aura Sensor V2", model_id: 63 };

  it("keeps a segment returned by two windows once, with both windows' readings, sorted by start", () => {
    const late = { ...base, startdate: 300, enddate: 400, hr: { "300": 60 } };
    const first = { ...base, startdate: 100, enddate: 200, hr: { "100": 61, "150": 62 } };
    const again = { ...base, startdate: 100, enddate: 250, hr: { "200": 63 }, rr: { "200": 14 } };
    const merged = mergeSleepSegments([[late, first], [again]]);
    expect(merged.map((s) => s.startdate)).toEqual([100, 300]);
    expect(merged[0]).toMatchObject({ enddate: 250, hr: { "100": 61, "150": 62, "200": 63 }, rr: { "200": 14 } });
  });

  it("keeps segments that differ in state or device", () => {
    const a = { ...base, startdate: 100, enddate: 200 };
    const merged = mergeSleepSegments([[a, { ...a, state: 2 }, { ...a, hash_deviceid: "d2" }, { ...a, hash_deviceid: null }]]);
    expect(merged).toHaveLength(4);
  });

  it("does not change its input", () => {
    const a = { ...base, startdate: 100, enddate: 200, hr: { "100": 1 } };
    mergeSleepSegments([[a], [{ ...a, enddate: 300, hr: { "200": 2 } }]]);
    expect(a).toEqual({ ...base, startdate: 100, enddate: 200, hr: { "100": 1 } });
  });
});

describe("asleepSeconds and formatDuration", () => {
  it("counts light, deep, REM and manual sleep but not awake, unspecified, out of bed or unknown", () => {
    const segs = [0, 1, 2, 3, 4, 5, 15, 9].map((state) => ({ state, duration_seconds: 600 }));
    expect(asleepSeconds(segs)).toBe(2400);
  });
  it.each([[0, "0 min"], [2700, "45 min"], [22320, "6 h 12 min"], [3600, "1 h 0 min"], [89, "1 min"]])("%i s → %s", (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe("decodeSleepSummary", () => {
  it("decodes a night with every field kept, the model names and convenience values", () => {
    const night: SleepSummary = loadFixture("sleepv2-getsummary").body.series[0];
    const out = decodeSleepSummary(night, "America/New_York");
    expect(out).toEqual({
      id: 3184520961, date: "2026-11-20", timezone: "Europe/Paris",
      startdate: 1795123800, enddate: 1795153500,
      start_iso: "2026-11-19T22:30:00+01:00", end_iso: "2026-11-20T06:45:00+01:00",
      model: 32, model_name: "Sleep Monitor", model_id: 63, device_model: "Aura Sensor V2", hash_deviceid: DEV,
      created: 1795155300, modified: 1795155300, completed: true,
      data: night.data,
      total_sleep_time_hours: 7.8, sleep_score: 84, hr_average: 58,
    });
    expect(out.data).not.toBe(night.data);
  });

  it("falls back to the given zone, then UTC, and omits convenience values that are missing or null", () => {
    const [nap, tracker] = loadFixture("sleepv2-getsummary-unknown-nulls").body.series as SleepSummary[];
    expect(decodeSleepSummary(nap, "Asia/Tokyo")).toMatchObject({ timezone: "Asia/Tokyo", start_iso: "2026-11-21T00:00:00+09:00" });
    const utc = decodeSleepSummary(nap);
    expect(utc).toMatchObject({
      timezone: "UTC", start_iso: "2026-11-20T15:00:00+00:00", model: 48, model_name: "Sleep Model 48",
      model_id: null, device_model: null, hash_deviceid: null, completed: null,
    });
    expect(utc).not.toHaveProperty("total_sleep_time_hours");
    expect(utc).not.toHaveProperty("sleep_score");
    const t = decodeSleepSummary(tracker, "Europe/Paris");
    expect(t).toMatchObject({ timezone: "America/New_York", model_name: "Tracker", device_model: "ScanWatch", completed: false, total_sleep_time_hours: 0 });
    expect(t).not.toHaveProperty("sleep_score");
    expect(t).not.toHaveProperty("hr_average");
    expect(t.data).toEqual({ total_sleep_time: 0, sleep_score: null, hr_average: null });
  });
});
