import { decodeEcgRecord, decodeEcgSignal, ecgRecordLabel } from "../../common/decode/heart";
import type { EcgRecord, HeartGetBody } from "../../common/types";
import { loadFixture } from "../helpers/fixtures";

describe("decodeEcgRecord", () => {
  const [scan, bpm, move] = loadFixture("heartv2-list").body.series as EcgRecord[];

  it("decodes a ScanWatch recording in its own zone", () => {
    expect(decodeEcgRecord(scan, "America/New_York")).toEqual({
      timestamp: 1795156920, time_iso: "2026-11-20T07:42:00+01:00", timezone: "Europe/Paris",
      deviceid: "c41f8e2a7b3d5c6e9f0a1b2c3d4e5f60718293a4", model: 93, model_name: "ScanWatch",
      signalid: 412876530, afib: 0, afib_result: "negative", heart_rate: 68, bloodpressure: null, modified: 1795156990,
    });
  });

  it("uses the given zone when the record has none, and keeps the BPM Core's blood pressure", () => {
    expect(decodeEcgRecord(bpm, "America/New_York")).toMatchObject({
      time_iso: "2026-11-17T13:05:00-05:00", timezone: "America/New_York", model_name: "BPM Core",
      afib_result: "inconclusive", bloodpressure: { systole: 124, diastole: 79 },
    });
    expect(decodeEcgRecord(move, "UTC")).toMatchObject({ model_name: "Move ECG", afib: 1, afib_result: "positive", heart_rate: 104 });
  });

  it("labels unknown codes generically and turns missing values into null", () => {
    const [unknown, noEcg] = loadFixture("heartv2-list-unknown-nulls").body.series as EcgRecord[];
    expect(decodeEcgRecord(unknown, "UTC")).toEqual({
      timestamp: 1795100000, time_iso: "2026-11-19T14:53:20+00:00", timezone: "UTC", deviceid: null, model: 999,
      model_name: "Device Model 999", signalid: 412990001, afib: 7, afib_result: "afib_7", heart_rate: null,
      bloodpressure: null, modified: null,
    });
    expect(decodeEcgRecord(noEcg, "UTC")).toMatchObject({ signalid: null, afib: null, afib_result: null, heart_rate: 75 });
  });

  it("builds a dropdown label from time, result and heart rate", () => {
    expect(ecgRecordLabel(decodeEcgRecord(scan, "UTC"))).toBe("2026-11-20 07:42 · AFib negative · 68 bpm");
    const [unknown] = loadFixture("heartv2-list-unknown-nulls").body.series as EcgRecord[];
    expect(ecgRecordLabel(decodeEcgRecord(unknown, "UTC"))).toBe("2026-11-19 14:53 · AFib afib_7");
  });
});

describe("decodeEcgSignal", () => {
  it("decodes the waveform with its count, duration, position and device", () => {
    const body: HeartGetBody = loadFixture("heartv2-get").body;
    expect(decodeEcgSignal(body, 412876530)).toEqual({
      signalid: 412876530, sampling_frequency: 300, sample_count: 12, duration_seconds: 0.04,
      wearposition: 1, wearposition_name: "left_wrist", model: 93, model_name: "ScanWatch", heart_rate: 68,
      signal: [-12, -8, 3, 41, 182, 404, 251, 37, -58, -41, -17, -6],
    });
  });

  it("computes 30 s for 9000 samples at 300 Hz and 20 s for 10000 at 500 Hz", () => {
    expect(decodeEcgSignal({ signal: new Array(9000).fill(0), sampling_frequency: 300 }, 1).duration_seconds).toBe(30);
    expect(decodeEcgSignal({ signal: new Array(10000).fill(0), sampling_frequency: 500 }, 1).duration_seconds).toBe(20);
  });

  it("does not divide by a zero frequency and labels unknown positions", () => {
    const body: HeartGetBody = loadFixture("heartv2-get-unknown-nulls").body;
    expect(decodeEcgSignal(body, 7)).toEqual({
      signalid: 7, sampling_frequency: null, sample_count: 4, duration_seconds: null, wearposition: 99,
      wearposition_name: "position_99", model: null, model_name: null, heart_rate: null, signal: [5, 9, 14, 7],
    });
  });
});
