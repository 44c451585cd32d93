/** Decoding a getmeas page against parsing its JSON: the ratio of their throughputs (higher is better). */
import { decodeMeasureGroup } from "../../common/decode/measures";
import type { MeasureGroup } from "../../common/types";

/** A realistic payload: a Body Cardio weigh-in a day, spread over years (so time zone offsets vary). */
function payload(n: number): string {
  const groups: MeasureGroup[] = [];
  for (let i = 0; i < n; i++) {
    const date = 1700000000 + i * 86_400 + (i % 7) * 613;
    groups.push({
      grpid: 6_000_000_000 + i, attrib: 0, date, created: date + 30, modified: date + 30, category: 1,
      deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5", hash_deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
      modelid: 6, model: "Body Cardio", comment: null,
      measures: [
        { value: 72_400 + (i % 900), type: 1, unit: -3, algo: 3, fm: 131 }, { value: 1810, type: 6, unit: -2, algo: 3, fm: 131 },
        { value: 13_104, type: 8, unit: -3, algo: 3, fm: 131 }, { value: 5632, type: 76, unit: -2, algo: 3, fm: 131 },
        { value: 4015, type: 77, unit: -2, algo: 3, fm: 131 }, { value: 296, type: 88, unit: -2, algo: 3, fm: 131 },
      ],
    } as MeasureGroup);
  }
  return JSON.stringify({ status: 0, body: { updatetime: 1795168800, timezone: "Europe/Paris", measuregrps: groups } });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchDecode(n = 20_000, reps = 7): { groups: number; parseMs: number; decodeMs: number; ratio: number } {
  const text = payload(n);
  const parse: number[] = [];
  const decode: number[] = [];
  for (let r = 0; r < reps; r++) {
    let t = performance.now();
    const body = JSON.parse(text).body as { measuregrps: MeasureGroup[]; timezone: string };
    parse.push(performance.now() - t);
    t = performance.now();
    const out = body.measuregrps.map((g) => decodeMeasureGroup(g, body.timezone));
    decode.push(performance.now() - t);
    if (out.length !== n) throw new Error("decoded the wrong number of groups");
  }
  const parseMs = median(parse);
  const decodeMs = median(decode);
  return { groups: n, parseMs, decodeMs, ratio: parseMs / decodeMs };
}
