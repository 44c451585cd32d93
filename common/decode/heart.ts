import { deviceModelName } from "../codes/device-models";
import { AFIB_RESULTS, POSITIONS, codeLabel } from "../codes/misc";
import { isoInZone, shortInZone } from "../dates";
import type { EcgRecord, HeartGetBody } from "../types";

export interface DecodedEcgRecord {
  timestamp: number;
  time_iso: string;
  timezone: string;
  deviceid: string | null;
  model: number | null;
  model_name: string | null;
  /** Pass to Get ECG Signal to read the waveform; null for a recording without an ECG. */
  signalid: number | null;
  afib: number | null;
  afib_result: string | null;
  heart_rate: number | null;
  /** Only the BPM Core measures blood pressure with its ECG. */
  bloodpressure: { systole: number; diastole: number } | null;
  modified: number | null;
}

/** Decodes one Heart v2 List recording; times are shown in the record's zone, else `tz`. */
export function decodeEcgRecord(r: EcgRecord, tz: string): DecodedEcgRecord {
  const timezone = r.timezone || tz;
  const model = typeof r.model === "number" ? r.model : null;
  const afib = typeof r.ecg?.afib === "number" ? r.ecg.afib : null;
  const bp = r.bloodpressure;
  return {
    timestamp: r.timestamp,
    time_iso: isoInZone(r.timestamp, timezone),
    timezone,
    deviceid: r.deviceid === null || r.deviceid === undefined ? null : String(r.deviceid),
    model,
    model_name: deviceModelName(model),
    signalid: typeof r.ecg?.signalid === "number" ? r.ecg.signalid : null,
    afib,
    afib_result: codeLabel(AFIB_RESULTS, afib, "afib"),
    heart_rate: typeof r.heart_rate === "number" ? r.heart_rate : null,
    bloodpressure: bp && typeof bp.systole === "number" && typeof bp.diastole === "number"
      ? { systole: bp.systole, diastole: bp.diastole }
      : null,
    modified: typeof r.modified === "number" ? r.modified : null,
  };
}

/** "2026-11-20 07:42 · AFib negative · 68 bpm": a dropdown label for a recording. */
export function ecgRecordLabel(d: DecodedEcgRecord): string {
  const parts = [shortInZone(d.timestamp, d.timezone)];
  if (d.afib_result) parts.push(`AFib ${d.afib_result}`);
  if (d.heart_rate !== null) parts.push(`${d.heart_rate} bpm`);
  return parts.join(" · ");
}

export interface DecodedEcgSignal {
  signalid: number;
  sampling_frequency: number | null;
  sample_count: number;
  /** Samples divided by the sampling frequency; null when the frequency is missing. */
  duration_seconds: number | null;
  wearposition: number | null;
  wearposition_name: string | null;
  model: number | null;
  model_name: string | null;
  heart_rate: number | null;
  /** The waveform in microvolts (µV), one value per sample. */
  signal: number[];
}

/** Decodes Heart v2 Get for `signalid`. */
export function decodeEcgSignal(body: HeartGetBody, signalid: number): DecodedEcgSignal {
  const signal = Array.isArray(body.signal) ? body.signal : [];
  const freq = typeof body.sampling_frequency === "number" && body.sampling_frequency > 0 ? body.sampling_frequency : null;
  const model = typeof body.model === "number" ? body.model : null;
  const position = typeof body.wearposition === "number" ? body.wearposition : null;
  return {
    signalid,
    sampling_frequency: freq,
    sample_count: signal.length,
    duration_seconds: freq === null ? null : Math.round((signal.length / freq) * 100) / 100,
    wearposition: position,
    wearposition_name: codeLabel(POSITIONS, position, "position"),
    model,
    model_name: deviceModelName(model),
    heart_rate: typeof body.heart_rate === "number" ? body.heart_rate : null,
    signal,
  };
}
