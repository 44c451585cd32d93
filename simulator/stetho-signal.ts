import type { StethoGetBody } from "../common/types";
import { hash32, seededRandom } from "./random";

/**
 * Synthetic heart sounds as a BPM Core sends them: 4 kHz, G.711 A-law, mono. Each beat has S1 and S2
 * (short low-frequency thumps); a recording with a positive valvular result adds a systolic murmur.
 */

export const STETHO_FREQUENCY = 4000;
export const STETHO_SECONDS = 10;

/** G.711 A-law compression of a 16-bit sample (the inverse of the standard's decoder table). */
export function linearToAlaw(pcm: number): number {
  let v = Math.max(-32768, Math.min(32767, Math.round(pcm))) >> 3;
  let mask: number;
  if (v >= 0) {
    mask = 0xd5;
  } else {
    mask = 0x55;
    v = -v - 1;
  }
  const ends = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
  const seg = ends.findIndex((end) => v <= end);
  if (seg < 0) return 0x7f ^ mask;
  const step = seg < 2 ? (v >> 1) & 0x0f : (v >> seg) & 0x0f;
  return ((seg << 4) | step) ^ mask;
}

export interface StethoSource {
  signalid: number;
  model: number;
  position: number;
  vhd: number;
  heart_rate: number;
}

export function generateStethoSignal(rec: StethoSource): StethoGetBody {
  const r = seededRandom(hash32("stetho", rec.signalid));
  const n = STETHO_FREQUENCY * STETHO_SECONDS;
  const beat = 60 / rec.heart_rate;
  const signal: number[] = new Array(n);
  const thump = (t: number, len: number, hz: number, amp: number) =>
    t >= 0 && t < len ? amp * Math.sin(Math.PI * (t / len)) * Math.sin(2 * Math.PI * hz * t) : 0;
  for (let i = 0; i < n; i += 1) {
    const t = (i / STETHO_FREQUENCY) % beat;
    let v = thump(t, 0.1, 55, 14000) + thump(t - 0.32, 0.08, 75, 9000);
    if (rec.vhd === 1 && t > 0.12 && t < 0.3) v += (r() - 0.5) * 5000;
    v += (r() - 0.5) * 300;
    signal[i] = linearToAlaw(v);
  }
  return {
    signal, frequency: STETHO_FREQUENCY, duration: STETHO_SECONDS, format: 1, size: n, resolution: 8, channel: 1,
    model: rec.model, position: rec.position, vhd: rec.vhd,
  };
}
