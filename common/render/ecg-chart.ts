/**
 * An ECG drawn like a paper strip: 25 mm per second, 10 mm per millivolt, a 1 mm grid with a heavier
 * line every 5 mm, a 1 mV calibration pulse at the start of each row, and a header. The SVG's user
 * unit is the millimetre, so the drawing prints at true scale. Pure: text in, text out.
 */

export const MM_PER_SECOND = 25;
export const MM_PER_MV = 10;
/** Seconds of trace per row: a 30 s recording prints as three 250 mm rows. */
export const ROW_SECONDS = 10;
const ROW_HEIGHT = 40;
/** Baseline 25 mm below the row's top: room for +2.5 mV and −1.5 mV. */
const BASELINE = 25;
const HEADER = 16;
const TRACE_X = 12;
const RIGHT = 6;
const BOTTOM = 4;

export interface EcgChartInput {
  /** Samples in microvolts. */
  signal: readonly number[];
  /** Samples per second. */
  frequency: number;
  /** Header lines, e.g. time and AFib result; drawn as given (escaped). */
  header: readonly string[];
}

export interface EcgChartRow {
  /** Index of the row's first sample. */
  start: number;
  /** Trace points in millimetres, one per sample. */
  points: Array<[number, number]>;
  baseline: number;
}

export interface EcgChart {
  svg: string;
  width_mm: number;
  height_mm: number;
  rows: EcgChartRow[];
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" }[c]!));

/** Where sample `i` of a row starting at `start` lands, in millimetres. */
export function samplePoint(i: number, start: number, frequency: number, baseline: number, microvolts: number): [number, number] {
  return [r3(TRACE_X + ((i - start) / frequency) * MM_PER_SECOND), r3(baseline - (microvolts / 1000) * MM_PER_MV)];
}

export function ecgChart({ signal, frequency, header }: EcgChartInput): EcgChart {
  if (!(frequency > 0)) throw new RangeError(`frequency must be positive, got ${frequency}`);
  const perRow = Math.round(frequency * ROW_SECONDS);
  const rowCount = Math.max(1, Math.ceil(signal.length / perRow));
  const width = TRACE_X + ROW_SECONDS * MM_PER_SECOND + RIGHT;
  const height = HEADER + rowCount * ROW_HEIGHT + BOTTOM;

  const rows: EcgChartRow[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const start = r * perRow;
    const baseline = HEADER + r * ROW_HEIGHT + BASELINE;
    const points: Array<[number, number]> = [];
    for (let i = start; i < Math.min(signal.length, start + perRow); i += 1) {
      points.push(samplePoint(i, start, frequency, baseline, signal[i]));
    }
    rows.push({ start, points, baseline });
  }

  const gridTop = HEADER - 2;
  const gridHeight = height - gridTop - BOTTOM + 2;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">`,
    "<defs>",
    '<pattern id="small" width="1" height="1" patternUnits="userSpaceOnUse">'
      + '<path d="M 1 0 L 0 0 0 1" fill="none" stroke="#f4b6b6" stroke-width="0.05"/></pattern>',
    '<pattern id="large" width="5" height="5" patternUnits="userSpaceOnUse">'
      + '<rect width="5" height="5" fill="url(#small)"/>'
      + '<path d="M 5 0 L 0 0 0 5" fill="none" stroke="#e57373" stroke-width="0.15"/></pattern>',
    "</defs>",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect class="grid" x="0" y="${gridTop}" width="${width}" height="${gridHeight}" fill="url(#large)"/>`,
  ];
  header.forEach((line, i) => {
    const size = i === 0 ? 4 : 3;
    parts.push(`<text x="${TRACE_X}" y="${5 + i * 4.5}" font-family="Helvetica, Arial, sans-serif" font-size="${size}" fill="#222">${escapeXml(line)}</text>`);
  });
  for (const [r, row] of rows.entries()) {
    const b = row.baseline;
    // Calibration pulse: 1 mV (10 mm) high, 0.2 s (5 mm) wide.
    parts.push(`<path class="calibration" d="M 2 ${b} L 4 ${b} L 4 ${b - MM_PER_MV} L 9 ${b - MM_PER_MV} L 9 ${b} L 11 ${b}" fill="none" stroke="#000" stroke-width="0.3"/>`);
    parts.push(`<text x="${TRACE_X + 0.5}" y="${b + ROW_HEIGHT - BASELINE - 2}" font-family="Helvetica, Arial, sans-serif" font-size="2.5" fill="#555">${r * ROW_SECONDS} s</text>`);
    if (row.points.length) {
      const pts = row.points.map(([x, y]) => `${x},${y}`).join(" ");
      parts.push(`<polyline class="trace" data-start="${row.start}" points="${pts}" fill="none" stroke="#000" stroke-width="0.25" stroke-linejoin="round"/>`);
    }
  }
  parts.push("</svg>");
  return { svg: parts.join("\n"), width_mm: width, height_mm: height, rows };
}
