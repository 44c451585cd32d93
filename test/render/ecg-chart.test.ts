import { ecgChart } from "../../common/render/ecg-chart";

/** Paper ECG scale, written out here so that a change of the drawing's constants fails these tests. */
const MM_PER_SECOND = 25;
const MM_PER_MV = 10;
const ROW_SECONDS = 10;
import { setResvgLoader, svgToPng } from "../../common/render/png";
import { baselinesOf as baselines, tracesOf } from "../helpers/svg";


const wave = (n: number, f: number) => Array.from({ length: n }, (_, i) => Math.round(1000 * Math.sin((2 * Math.PI * i) / f) + (i % 7) * 10));

describe("ECG strip chart", () => {
  it("draws every sample at 25 mm/s and 10 mm/mV, in rows of 10 s", () => {
    const signal = wave(9000, 300);
    const chart = ecgChart({ signal, frequency: 300, header: ["ECG"] });
    const traces = tracesOf(chart.svg);
    const bases = baselines(chart.svg);
    expect(traces.map((t) => t.start)).toEqual([0, 3000, 6000]);
    expect(bases).toHaveLength(3);
    expect(bases[1] - bases[0]).toBe(40);

    traces.forEach((t, row) => {
      expect(t.points).toHaveLength(3000);
      t.points.forEach(([x, y], k) => {
        const i = t.start + k;
        // Time: 25 mm per second from the trace's left edge.
        expect(x - t.points[0][0]).toBeCloseTo((k / 300) * MM_PER_SECOND, 2);
        // Voltage: 10 mm per millivolt above the baseline (y grows downwards).
        expect(((bases[row] - y) / MM_PER_MV) * 1000).toBeCloseTo(signal[i], 0);
      });
    });
    // The last point of a full row sits just short of 10 s (250 mm) from its first.
    expect(traces[0].points[2999][0] - traces[0].points[0][0]).toBeCloseTo((2999 / 300) * 25, 2);
    expect(chart.rows.map((r) => r.points.length)).toEqual([3000, 3000, 3000]);
  });

  it("keeps a short last row and sizes the page in millimetres", () => {
    const chart = ecgChart({ signal: wave(500 * 12, 500), frequency: 500, header: ["a"] });
    expect(tracesOf(chart.svg).map((t) => t.points.length)).toEqual([5000, 1000]);
    expect(chart.width_mm).toBe(12 + ROW_SECONDS * MM_PER_SECOND + 6);
    expect(chart.svg).toContain(`width="${chart.width_mm}mm" height="${chart.height_mm}mm" viewBox="0 0 ${chart.width_mm} ${chart.height_mm}"`);
  });

  it("draws the 1 mm and 5 mm grid, a 1 mV calibration pulse, and the header escaped", () => {
    const { svg } = ecgChart({ signal: [0, 100, 0], frequency: 300, header: ["ECG <1> & AFib \"negative\"", "25 mm/s"] });
    expect(svg).toMatch(/<pattern id="small" width="1" height="1"/);
    expect(svg).toMatch(/<pattern id="large" width="5" height="5"/);
    expect(svg).toContain('fill="url(#large)"');
    expect(svg).toMatch(/class="calibration" d="M 2 41 L 4 41 L 4 31 L 9 31 L 9 41 L 11 41"/);
    expect(svg).toContain("ECG &lt;1&gt; &amp; AFib &quot;negative&quot;");
    expect(svg).toContain(">25 mm/s</text>");
  });

  it("refuses a frequency that is not positive", () => {
    expect(() => ecgChart({ signal: [1], frequency: 0, header: [] })).toThrow(RangeError);
  });
});

describe("svgToPng", () => {
  afterEach(() => setResvgLoader());

  it("renders a PNG at the asked width", async () => {
    const { svg, width_mm } = ecgChart({ signal: wave(600, 300), frequency: 300, header: ["ECG"] });
    const out = await svgToPng(svg, width_mm * 2);
    expect(out.error).toBeUndefined();
    expect(out.png!.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(out.png!.readUInt32BE(16)).toBe(width_mm * 2);
  });

  it("reports instead of throwing when the renderer cannot load", async () => {
    setResvgLoader(() => Promise.reject(new Error("no binary for this platform")));
    const out = await svgToPng("<svg/>", 100);
    expect(out.png).toBeUndefined();
    expect(out.error).toMatch(/could not be loaded: no binary for this platform/);
  });
});
