import type { IntradayPoint, SleepSegment, SleepSummary } from "../common/types";
import { hash32, seededRandom, intBetween } from "./random";
import { extraSleepSeries, nightIntradayExtras } from "./extra-series";

/**
 * Bulky series generated on demand from a record's id, so a year of demo data stays small in memory:
 * sleep states with per-minute hr/rr/snoring, ECG signals, and intraday minutes.
 */

const SLEEP_MODEL = { model: "Aura Sensor V2", model_id: 63 };

/** Sleep states covering a night, each with `{ "<epoch>": value }` series for hr, rr and snoring. */
export function generateSleepSegments(summary: SleepSummary): SleepSegment[] {
  const r = seededRandom(hash32("sleep", summary.id));
  const segments: SleepSegment[] = [];
  const cycle = [1, 2, 1, 3];
  let t = summary.startdate;
  let i = 0;
  // Awake at the start (sleep latency), then light/deep/REM cycles with short wake-ups.
  let state = 0;
  while (t < summary.enddate) {
    const len = Math.min(summary.enddate - t, intBetween(r, 5, 35) * 60);
    const seg: SleepSegment = {
      startdate: t, enddate: t + len, state, ...SLEEP_MODEL,
      hash_deviceid: summary.hash_deviceid ?? null,
    };
    const hr: Record<string, number> = {};
    const rr: Record<string, number> = {};
    const snoring: Record<string, number> = {};
    const baseHr = state === 0 ? 68 : state === 2 ? 52 : state === 3 ? 62 : 57;
    for (let m = t; m < t + len; m += 60) {
      hr[String(m)] = baseHr + intBetween(r, -3, 4);
      rr[String(m)] = 13 + intBetween(r, -2, 3);
      snoring[String(m)] = state === 2 && r() < 0.3 ? 60 : 0;
    }
    Object.assign(seg, { hr, rr, snoring }, extraSleepSeries(summary.id, t, t + len, state));
    segments.push(seg);
    t += len;
    i += 1;
    state = r() < 0.08 ? 0 : cycle[i % cycle.length];
  }
  return segments;
}

/** Picks the requested `data_fields` of a segment (without fields: states only). */
export function segmentWithFields(seg: SleepSegment, fields: readonly string[] | undefined): SleepSegment {
  const { startdate, enddate, state, model, model_id, hash_deviceid } = seg;
  const out: SleepSegment = { startdate, enddate, state, model, model_id, hash_deviceid };
  for (const f of fields ?? []) {
    if (seg[f] !== undefined) out[f] = seg[f];
  }
  return out;
}

export interface EcgSignal {
  signal: number[];
  sampling_frequency: number;
  wearposition: number;
  model: number;
  heart_rate: number;
}

/** A synthetic ECG (µV): P, QRS and T waves at the record's heart rate. */
export function generateEcgSignal(signalid: number, model: number, heartRate: number): EcgSignal {
  const freq = model === 44 ? 500 : 300; // BPM Core 500 Hz / 20 s; Move ECG and ScanWatch 300 Hz / 30 s
  const seconds = model === 44 ? 20 : 30;
  const r = seededRandom(hash32("ecg", signalid));
  const beat = 60 / heartRate;
  const bump = (x: number, c: number, w: number, a: number) => a * Math.exp(-((x - c) ** 2) / (2 * w * w));
  const signal: number[] = new Array(freq * seconds);
  for (let i = 0; i < signal.length; i += 1) {
    const x = ((i / freq) % beat) / beat;
    const v = bump(x, 0.2, 0.025, 120) - bump(x, 0.33, 0.008, 150) + bump(x, 0.35, 0.01, 1100)
      - bump(x, 0.37, 0.008, 250) + bump(x, 0.6, 0.05, 300);
    signal[i] = Math.round(v + (r() - 0.5) * 30);
  }
  return { signal, sampling_frequency: freq, wearposition: model === 44 ? 2 : 1, model, heart_rate: heartRate };
}

const WATCH = { deviceid: "", model: "ScanWatch", model_id: 93 };

/**
 * Demo intraday minutes between `start` and `end` (epoch s): steps and the like while awake,
 * heart rate every 10 minutes. `localSecondsOfDay` maps an epoch to the user's wall clock.
 */
export function generateIntraday(seed: number, deviceid: string, start: number, end: number,
  localSecondsOfDay: (epoch: number) => number): Record<string, IntradayPoint> {
  const out: Record<string, IntradayPoint> = {};
  for (let m = Math.ceil(start / 60) * 60; m <= end; m += 60) {
    const sod = localSecondsOfDay(m);
    const h = hash32(seed, "minute", m);
    const awake = sod >= 7 * 3600 && sod < 23 * 3600;
    const point: IntradayPoint = { ...WATCH, deviceid };
    let any = false;
    if (awake && h % 100 < 35) {
      const steps = 10 + (h % 90);
      Object.assign(point, {
        steps, elevation: h % 7 === 0 ? 1 : 0, calories: Math.round(steps * 0.04 * 100) / 100,
        distance: Math.round(steps * 0.75 * 10) / 10, duration: 60,
      });
      any = true;
    }
    if (m % 600 === 0) {
      point.heart_rate = (awake ? 70 : 55) + (h % 15);
      if (!awake) Object.assign(point, nightIntradayExtras(seed, m));
      any = true;
    }
    if (!awake && m % 1800 === 0) {
      point.spo2_auto = 94 + (h % 5);
      any = true;
    }
    if (any) out[String(m)] = point;
  }
  return out;
}
