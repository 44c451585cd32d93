/** The trace polylines of an ECG chart SVG: their first sample index and their points in millimetres. */
export function tracesOf(svg: string): Array<{ start: number; points: Array<[number, number]> }> {
  return [...svg.matchAll(/<polyline class="trace" data-start="(\d+)" points="([^"]*)"/g)].map((m) => ({
    start: Number(m[1]),
    points: m[2].split(" ").map((p) => p.split(",").map(Number) as [number, number]),
  }));
}

/** The baseline of each row, read from the foot of its calibration pulse. */
export function baselinesOf(svg: string): number[] {
  return [...svg.matchAll(/<path class="calibration" d="M 2 ([\d.]+) /g)].map((m) => Number(m[1]));
}
