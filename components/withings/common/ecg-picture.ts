import { ecgChart, MM_PER_MV, MM_PER_SECOND } from "../../../common/render/ecg-chart";
import { svgToPng } from "../../../common/render/png";
import { decodeEcgRecord, type DecodedEcgRecord, type DecodedEcgSignal } from "../../../common/decode/heart";
import { shortInZone } from "../../../common/dates";
import { WithingsError } from "../../../common/errors";
import type { EcgRecord } from "../../../common/types";
import { writeOutputFile } from "./files";

/** PNG resolution: 5 px per millimetre (about 127 dpi), a 30 s strip is about 1.3k × 0.7k px. */
const PNG_PX_PER_MM = 5;
/** Recordings looked through to find the time and AFib result of a signal. */
const LOOKUP_LIMIT = 1000;

export interface EcgPicture {
  svg_path: string;
  /** Null when the PNG could not be made; `png_note` says why. */
  png_path: string | null;
  png_note?: string;
  width_mm: number;
  height_mm: number;
  mm_per_second: number;
  mm_per_mv: number;
}

/**
 * The recording a signal belongs to (its time and AFib result live only in Heart v2 List). A lookup
 * that fails leaves the header without them rather than losing the signal already read.
 */
export async function findEcgRecording(app: any, $: unknown, signalid: number): Promise<{ record: DecodedEcgRecord | null; note?: string }> {
  try {
    let seen = 0;
    for await (const r of app.paginate(app.listHeartRecords, { $ }, "series", "list") as AsyncIterable<EcgRecord>) {
      if (r.ecg?.signalid === signalid) return { record: decodeEcgRecord(r, "UTC") };
      if (++seen >= LOOKUP_LIMIT) break;
    }
    return { record: null, note: `recording ${signalid} not found in the latest ${LOOKUP_LIMIT} ECG recordings` };
  } catch (err) {
    if (err instanceof WithingsError) return { record: null, note: `the ECG list could not be read: ${err.message}` };
    throw err;
  }
}

/** Header lines: what, when, result; then the scale and device. */
export function ecgHeader(s: DecodedEcgSignal, record: DecodedEcgRecord | null): string[] {
  const first = [`ECG ${s.signalid}`];
  first.push(record ? `${shortInZone(record.timestamp, record.timezone)} ${record.timezone}` : "time unknown");
  first.push(record?.afib_result ? `AFib ${record.afib_result}` : "AFib result unknown");
  if (s.heart_rate !== null) first.push(`${s.heart_rate} bpm`);
  const second = [`${MM_PER_SECOND} mm/s`, `${MM_PER_MV} mm/mV`, `${s.sampling_frequency} Hz`];
  if (s.model_name) second.push(s.model_name);
  if (s.wearposition_name) second.push(s.wearposition_name.replace(/_/g, " "));
  return [first.join(" · "), second.join(" · ")];
}

/** Writes the strip chart as SVG, and as PNG when the renderer loads, to /tmp (or the host's sink on `$`). */
export async function writeEcgPicture(s: DecodedEcgSignal, record: DecodedEcgRecord | null, $?: unknown): Promise<EcgPicture | null> {
  if (s.sampling_frequency === null || s.signal.length === 0) return null;
  const chart = ecgChart({ signal: s.signal, frequency: s.sampling_frequency, header: ecgHeader(s, record) });
  const base = `withings-ecg-${s.signalid}`;
  const svgPath = writeOutputFile(`${base}.svg`, chart.svg, $);
  const png = await svgToPng(chart.svg, chart.width_mm * PNG_PX_PER_MM);
  return {
    svg_path: svgPath,
    png_path: png.png ? writeOutputFile(`${base}.png`, png.png, $) : null,
    ...(png.error ? { png_note: `No PNG: ${png.error}. The SVG is complete.` } : {}),
    width_mm: chart.width_mm,
    height_mm: chart.height_mm,
    mm_per_second: MM_PER_SECOND,
    mm_per_mv: MM_PER_MV,
  };
}
