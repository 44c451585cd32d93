import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-ecg-signal/get-ecg-signal";
import app from "../../components/withings/withings.app";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { appInstance, runAction } from "../helpers/context";
import { itMapsErrorEnvelopes } from "../helpers/action-cases";
import { baselinesOf, tracesOf } from "../helpers/svg";
import { setResvgLoader } from "../../common/render/png";
import { readFileSync } from "node:fs";

afterEach(() => {
  resetHttp();
  setResvgLoader();
});

describe("Get ECG Signal", () => {
  it("posts get to /v2/heart with the signalid, finds the recording in the list, and decodes the waveform", async () => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-get") },
      { path: "/v2/heart", body: loadFixture("heartv2-list") },
    ]);
    const { result, summary } = await runAction(action, { signalId: 412876530 });

    expect(http.requests).toHaveLength(2);
    const [req, lookup] = http.requests;
    expect(req.path).toBe("/v2/heart");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "get", signalid: "412876530" });
    // The time and AFib result of a signal live only in Heart v2 List.
    expect(lookup.form).toEqual({ action: "list" });
    expect(lookup.headers.authorization).toBe(`Bearer ${TOKEN}`);

    expect(result).toEqual({
      signalid: 412876530, sampling_frequency: 300, sample_count: 12, duration_seconds: 0.04,
      wearposition: 1, wearposition_name: "left_wrist", model: 93, model_name: "ScanWatch", heart_rate: 68,
      signal: [-12, -8, 3, 41, 182, 404, 251, 37, -58, -41, -17, -6],
      recording: expect.objectContaining({ signalid: 412876530, afib_result: "negative", time_iso: "2026-11-20T07:42:00+01:00" }),
      chart: {
        svg_path: "/tmp/withings-ecg-412876530.svg", png_path: "/tmp/withings-ecg-412876530.png",
        width_mm: 268, height_mm: 60, mm_per_second: 25, mm_per_mv: 10,
      },
    });
    expect(summary).toBe("Retrieved ECG signal 412876530: 12 samples at 300 Hz (0.04 s); strip chart "
      + "/tmp/withings-ecg-412876530.svg and /tmp/withings-ecg-412876530.png");

    const svg = readFileSync(result.chart.svg_path, "utf8");
    expect(svg).toContain("ECG 412876530 · 2026-11-20 07:42 Europe/Paris · AFib negative · 68 bpm");
    expect(svg).toContain("25 mm/s · 10 mm/mV · 300 Hz · ScanWatch · left wrist");
    const [trace] = tracesOf(svg);
    const [baseline] = baselinesOf(svg);
    expect(trace.points.map(([, y]) => Math.round(((baseline - y) / 10) * 1000))).toEqual(result.signal);
    expect(trace.points.map(([x]) => x - trace.points[0][0]).slice(0, 3).map((x) => +x.toFixed(3))).toEqual([0, 0.083, 0.167]);
    expect(readFileSync(result.chart.png_path).subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  it("draws a full 30 s recording as three 10 s rows", async () => {
    const full = loadFixture("heartv2-get");
    full.body.signal = Array.from({ length: 9000 }, (_, i) => (i % 300) - 150);
    mockWithings([
      { path: "/v2/heart", body: full },
      { path: "/v2/heart", body: loadFixture("heartv2-list-empty") },
    ]);
    const { result, summary } = await runAction(action, { signalId: "123456" });
    expect(result).toMatchObject({ signalid: 123456, sample_count: 9000, duration_seconds: 30, recording: null });
    expect(result.signal).toHaveLength(9000);
    expect(result.chart_note).toBe("recording 123456 not found in the latest 1000 ECG recordings");
    const svg = readFileSync(result.chart.svg_path, "utf8");
    expect(tracesOf(svg).map((t) => [t.start, t.points.length])).toEqual([[0, 3000], [3000, 3000], [6000, 3000]]);
    expect(svg).toContain("ECG 123456 · time unknown · AFib result unknown · 68 bpm");
    expect(summary).toMatch(/^Retrieved ECG signal 123456: 9000 samples at 300 Hz \(30 s\); strip chart /);
  });

  it("keeps the signal and the SVG when the recording lookup fails or the PNG renderer is missing", async () => {
    setResvgLoader(() => Promise.reject(new Error("Cannot find module '@resvg/resvg-linux-x64-gnu'")));
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-get") },
      { path: "/v2/heart", body: loadFixture("error-503") },
    ]);
    const { result, summary } = await runAction(action, { signalId: 412876530 });
    expect(http.requests.map((r) => r.form.action)).toEqual(["get", "list"]);
    expect(result.recording).toBeNull();
    expect(result.chart_note).toMatch(/^the ECG list could not be read: Withings list failed with status 503/);
    expect(result.chart.png_path).toBeNull();
    expect(result.chart.png_note).toMatch(/^No PNG: the PNG renderer \(@resvg\/resvg-js\) could not be loaded: Cannot find module/);
    expect(readFileSync(result.chart.svg_path, "utf8")).toContain("<polyline class=\"trace\"");
    expect(summary).toMatch(/strip chart \/tmp\/withings-ecg-412876530\.svg$/);
  });

  it("finds the recording on a later page of the list", async () => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-get") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-1") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-2") },
    ]);
    const { result } = await runAction(action, { signalId: 412301877 });
    expect(http.requests.map((r) => r.form)).toEqual([
      { action: "get", signalid: "412301877" }, { action: "list" }, { action: "list", offset: "2" },
    ]);
    expect(result.recording).toMatchObject({ signalid: 412301877, afib_result: "positive" });
  });

  it.each([
    ["a null series", { status: 0, body: { series: null, more: false } }, /^Withings list returned null where the "series" list belongs/],
    ["a series of numbers", { status: 0, body: { series: [7], more: false } }, /^Withings list returned a "series" list whose item 0 is a number/],
  ])("keeps the signal and says so when the list holds %s", async (_what, list, note) => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-get") },
      { path: "/v2/heart", body: list },
    ]);
    const { result } = await runAction(action, { signalId: 412876530 });
    expect(http.requests.map((r) => r.form.action)).toEqual(["get", "list"]);
    expect(result.recording).toBeNull();
    expect(result.sample_count).toBeGreaterThan(0);
    expect(result.chart_note.replace(/^the ECG list could not be read: /, "")).toMatch(note);
  });

  it("keeps unknown positions and a missing frequency without throwing", async () => {
    mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-get-unknown-nulls") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-empty") },
    ]);
    const { result, summary } = await runAction(action, { signalId: 98001 });
    expect(result).toMatchObject({
      sampling_frequency: null, duration_seconds: null, wearposition_name: "position_99", model: null, model_name: null, heart_rate: null,
      chart: null,
    });
    expect(result.chart_note).toContain("no strip chart: the signal has no samples or no sampling frequency");
    expect(summary).toBe("Retrieved ECG signal 98001: 4 samples at an unknown frequency");
  });

  it.each([
    [undefined], [null], [""], [0], [-4], [1.5], ["12abc"], ["1e3x"], [Number.MAX_SAFE_INTEGER + 2], [true],
  ])("refuses signalId %j with a ConfigurationError naming signalId, before any request", async (signalId) => {
    const http = mockWithings([]);
    const err = await runAction(action, { signalId }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"signalId"');
    expect(http.requests).toHaveLength(0);
  });

  itMapsErrorEnvelopes(action, { path: "/v2/heart", withingsAction: "get", props: { signalId: 412876530 } });
});

describe("signalId options", () => {
  const options = (app.propDefinitions as any).signalId.options as (this: unknown, a: { prevContext?: unknown }) => Promise<any>;

  it("lists recent recordings as labelled signal ids and pages through them", async () => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-1") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-2") },
    ]);
    const withings = appInstance();
    const first = await options.call(withings, { prevContext: {} });
    expect(http.requests[0].form).toEqual({ action: "list" });
    expect(http.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first).toEqual({
      options: [
        { label: "2026-11-20 07:42 · AFib negative · 68 bpm", value: 412876530 },
        { label: "2026-11-17 18:05 · AFib inconclusive · 71 bpm", value: 412650112 },
      ],
      context: { offset: 2 },
    });
    const second = await options.call(withings, { prevContext: first.context });
    expect(http.requests[1].form).toEqual({ action: "list", offset: "2" });
    expect(second.options.map((o: any) => o.value)).toEqual([412301877, 412200450]);
    expect(second.context).toEqual({ done: true });

    const third = await options.call(withings, { prevContext: second.context });
    expect(third).toEqual([]);
    expect(http.requests).toHaveLength(2);
  });

  it("skips recordings without an ECG", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-unknown-nulls") }]);
    const res = await options.call(appInstance(), {});
    expect(res.options).toEqual([{ label: "2026-11-19 14:53 · AFib afib_7", value: 412990001 }]);
  });
});
