import { deviceModelName } from "../codes/device-models";
import { POSITIONS, codeLabel } from "../codes/misc";
import { STETHO_DEFAULT_FREQUENCY, STETHO_ENCODING, VHD_RESULTS } from "../codes/stetho";
import { isoInZone, shortInZone } from "../dates";
import type { StethoGetBody, StethoRecord } from "../types";
import { ALAW_SILENCE } from "./alaw";

export interface DecodedStethoRecord {
  /** Pass to Get Stethoscope Signal to read the recording. */
  signalid: number;
  timestamp: number;
  time_iso: string;
  timezone: string;
  hash_deviceid: string | null;
  vhd: number | null;
  /** Valvular heart disease result; unknown codes read `vhd_<code>`. */
  vhd_result: string | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Decodes one Stetho v2 List recording; times are shown in the record's zone, else `tz`. */
export function decodeStethoRecord(r: StethoRecord, tz: string): DecodedStethoRecord {
  const timezone = r.timezone || tz;
  const vhd = num(r.vhd);
  return {
    signalid: r.signalid,
    timestamp: r.timestamp,
    time_iso: isoInZone(r.timestamp, timezone),
    timezone,
    hash_deviceid: r.hash_deviceid ? String(r.hash_deviceid) : null,
    vhd,
    vhd_result: codeLabel(VHD_RESULTS, vhd, "vhd"),
  };
}

/** "2026-11-20 09:05 · VHD negative": a dropdown label for a recording. */
export function stethoRecordLabel(d: DecodedStethoRecord): string {
  const parts = [shortInZone(d.timestamp, d.timezone)];
  parts.push(d.vhd_result ? `VHD ${d.vhd_result}` : "no VHD result");
  return parts.join(" · ");
}

/**
 * The A-law codes of a signal as bytes. Withings documents an array of integers; a JSON array in a
 * string and base64 text are read too. A value that is not a byte becomes silence and is counted.
 */
export function stethoCodes(signal: unknown): { codes: Uint8Array; invalid: number } {
  let values: unknown[] = [];
  if (Array.isArray(signal)) {
    values = signal;
  } else if (typeof signal === "string" && signal.trim() !== "") {
    const text = signal.trim();
    if (text.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(text);
        values = Array.isArray(parsed) ? parsed : [];
      } catch {
        values = [];
      }
    } else if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
      return { codes: new Uint8Array(Buffer.from(text, "base64")), invalid: 0 };
    } else {
      values = text.split(/[\s,]+/).map(Number);
    }
  }
  const codes = new Uint8Array(values.length);
  let invalid = 0;
  values.forEach((v, i) => {
    if (typeof v === "number" && Number.isInteger(v) && v >= -128 && v <= 255) {
      codes[i] = v & 0xff;
    } else {
      codes[i] = ALAW_SILENCE;
      invalid += 1;
    }
  });
  return { codes, invalid };
}

export interface DecodedStethoSignal {
  signalid: number;
  model: number | null;
  model_name: string | null;
  /** Sampling frequency in Hz as Withings sent it (null when missing). */
  frequency: number | null;
  /** `duration` as Withings sent it. */
  duration: number | null;
  /** Samples divided by the frequency (4 kHz assumed when missing). */
  duration_seconds: number;
  sample_count: number;
  format: number | null;
  size: number | null;
  resolution: number | null;
  channel: number | null;
  position: number | null;
  position_name: string | null;
  vhd: number | null;
  vhd_result: string | null;
  encoding: string;
  /** Values that were not A-law bytes (played as silence). */
  invalid_samples: number;
  /** The samples as Withings gives them: G.711 A-law codes. */
  signal: number[] | string;
}

/** Decodes Stetho v2 Get metadata; the A-law codes are returned alongside for the audio. */
export function decodeStethoSignal(body: StethoGetBody, signalid: number): { meta: DecodedStethoSignal; codes: Uint8Array } {
  const { codes, invalid } = stethoCodes(body.signal);
  const freq = num(body.frequency);
  const rate = freq !== null && freq > 0 ? freq : STETHO_DEFAULT_FREQUENCY;
  const model = num(body.model);
  const position = num(body.position);
  const vhd = num(body.vhd);
  const meta: DecodedStethoSignal = {
    signalid,
    model,
    model_name: deviceModelName(model),
    frequency: freq !== null && freq > 0 ? freq : null,
    duration: num(body.duration),
    duration_seconds: Math.round((codes.length / rate) * 100) / 100,
    sample_count: codes.length,
    format: num(body.format),
    size: num(body.size),
    resolution: num(body.resolution),
    channel: num(body.channel),
    position,
    position_name: codeLabel(POSITIONS, position, "position"),
    vhd,
    vhd_result: codeLabel(VHD_RESULTS, vhd, "vhd"),
    encoding: STETHO_ENCODING,
    invalid_samples: invalid,
    signal: Array.isArray(body.signal) || typeof body.signal === "string" ? body.signal : [],
  };
  return { meta, codes };
}
