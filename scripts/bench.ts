// Prints speed and memory figures for the hot pure paths: decoding measure groups, merging them into
// sessions, and time-zone formatting. Run with `npm run bench`; nothing here asserts timings.
import { decodeMeasureGroup } from "../common/decode/measures";
import { mergeSessions } from "../common/decode/sessions";
import { isoInZone, ymdInZone } from "../common/dates";
import type { MeasureGroup } from "../common/types";

function groups(n: number): MeasureGroup[] {
  const out: MeasureGroup[] = [];
  for (let i = 0; i < n; i++) {
    const date = 1790000000 + Math.floor(i / 2) * 3600;
    out.push({
      grpid: 6000000000 + i, attrib: i % 2 ? 8 : 0, date, created: date + 30, modified: date + 30, category: 1,
      deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5", modelid: 6, model: "Body Cardio",
      measures: i % 2
        ? [{ value: 734, type: 91, unit: -2 }, { value: 380, type: 155, unit: -1 }]
        : [{ value: 72400 + i, type: 1, unit: -3 }, { value: 1810, type: 6, unit: -2 }, { value: 13104, type: 8, unit: -3 },
          { value: 5632, type: 76, unit: -2 }, { value: 4015, type: 77, unit: -2 }, { value: 296, type: 88, unit: -2 }],
    });
  }
  return out;
}

function measure(label: string, n: number, fn: () => unknown): void {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  void result;
  console.log(`${label.padEnd(44)} ${String(n).padStart(7)} items  ${ms.toFixed(1).padStart(8)} ms  `
    + `${Math.round(n / (ms / 1000)).toLocaleString("en-US").padStart(11)} /s  heap +${heapMb.toFixed(1)} MB`);
}

const N = 100_000;
const data = groups(N);
measure("decode measure groups (metric)", N, () => data.map((g) => decodeMeasureGroup(g, "Europe/Paris")));
measure("decode measure groups (imperial)", N, () => data.map((g) => decodeMeasureGroup(g, "Europe/Paris", "imperial")));
measure("merge groups into sessions", N, () => mergeSessions(data, "Europe/Paris"));
measure("format ISO 8601 in a time zone", N, () => data.map((g) => isoInZone(g.date, "America/New_York")));
measure("user's day of a timestamp", N, () => data.map((g) => ymdInZone(g.date, "Asia/Tokyo")));
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB, node ${process.version}`);
