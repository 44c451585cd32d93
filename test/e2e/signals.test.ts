/** Stethoscope recordings, the ECG picture and the non-default data fields, end to end against the simulator. */
import { existsSync, readFileSync } from "node:fs";
import type { Simulator } from "../../simulator/types";
import { runAction, SourceHost, type Auth, type ComponentLike } from "../../runner/platform";
import { login, requiredProps, startSim, tsComponents } from "./sim-helpers";
import { decodeAlaw } from "../../common/decode/alaw";
import { tracesOf } from "../helpers/svg";

let sim: Simulator;
let auth: Auth;
const components = [...tsComponents("actions"), ...tsComponents("sources")];
const byKey = (key: string): ComponentLike => components.find((c) => c.component.key === key)!.component;

beforeAll(async () => {
  sim = await startSim({ pageSize: 3, rateLimitPerMinute: 0 });
  auth = await login(sim);
});
afterAll(() => sim.close());

describe("stethoscope recordings", () => {
  it("lists the last 30 days over pages and gets the first one as a playable WAV", async () => {
    const list = await runAction(byKey("withings-list-stethoscope-recordings"), { auth, props: {} });
    const since = sim.clock.now() - 30 * 86400;
    const expected = sim.data.stethos(sim.demoUserId).filter((s) => s.timestamp >= since).map((s) => s.signalid);
    expect((list.result as any[]).map((r) => r.signalid).sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThanOrEqual(3);

    const get = byKey("withings-get-stethoscope-signal");
    const props = await requiredProps(get, auth);
    const newest = Math.max(...sim.data.stethos(sim.demoUserId).map((s) => s.timestamp));
    expect(sim.data.stethos(sim.demoUserId).find((s) => s.signalid === props.signalId)!.timestamp).toBe(newest);
    const r = await runAction(get, { auth, props });
    const out = r.result as any;
    expect(out).toMatchObject({ frequency: 4000, sample_count: 40000, duration_seconds: 10, model_name: "BPM Core", invalid_samples: 0 });
    const wav = readFileSync(out.audio.wav_path);
    expect(wav.readUInt32LE(24)).toBe(4000);
    const pcm = decodeAlaw(out.signal);
    expect(wav.readInt16LE(44 + 2 * 1234)).toBe(pcm[1234]);
    expect(r.summary).toMatch(/^Retrieved stethoscope signal \d+: 10 s at 4000 Hz, VHD \w+; audio saved to \/tmp\//);
  });

  it("the polling source backfills, stays quiet, and emits a new recording once", async () => {
    const host = new SourceHost(byKey("withings-new-stethoscope-recording"), { auth, props: {} });
    const deploy = await host.deploy();
    expect(deploy.emitted.filter((e) => !e.duplicate).length).toBeGreaterThan(0);
    expect((await host.run()).emitted.filter((e) => !e.duplicate)).toEqual([]);
    const rec = sim.data.addStetho(sim.demoUserId, { timestamp: sim.clock.now() - 60, vhd: 1 });
    const fresh = (await host.run()).emitted.filter((e) => !e.duplicate);
    expect(fresh.map((e) => e.meta.id)).toEqual([`stetho-${rec.signalid}`]);
    expect(fresh[0].meta.summary).toMatch(/^Heart sounds: VHD positive on /);
    expect((await host.run()).emitted.filter((e) => !e.duplicate)).toEqual([]);
  });
});

describe("ECG picture", () => {
  it("draws the picked recording with its time and AFib result, and every sample", async () => {
    const action = byKey("withings-get-ecg-signal");
    const props = await requiredProps(action, auth);
    const r = await runAction(action, { auth, props });
    const out = r.result as any;
    expect(out.recording).toMatchObject({ signalid: props.signalId });
    const svg = readFileSync(out.chart.svg_path, "utf8");
    expect(svg).toContain(`AFib ${out.recording.afib_result}`);
    expect(tracesOf(svg).reduce((n, t) => n + t.points.length, 0)).toBe(out.sample_count);
    expect(existsSync(out.chart.png_path)).toBe(true);
  });
});

describe("non-default data fields, end to end", () => {
  const night = () => sim.data.sleepSummaries(sim.demoUserId).at(-1)!;

  it("Get Sleep returns the HRV, movement and breathing series it asks for", async () => {
    const fields = ["sdnn_1", "rmssd", "hrv_quality", "mvt_score", "chest_movement_rate", "withings_index", "breathing_sounds"];
    const n = night();
    const r = await runAction(byKey("withings-get-sleep"), {
      auth, props: { startDate: String(n.startdate), endDate: String(n.enddate), dataFields: fields, timezone: "Europe/Paris" },
    });
    const segments = r.result as any[];
    expect(segments.length).toBeGreaterThan(3);
    for (const s of segments) {
      expect(Object.keys(s.samples).sort()).toEqual([...fields].sort());
      expect(s.samples.rmssd.length).toBeGreaterThan(0);
      expect(s.samples.rmssd.every((x: any) => typeof x.value === "number")).toBe(true);
    }
  });

  it("Get Intraday Activity returns night-time rmssd, sdnn1, hrv_quality and rr when asked", async () => {
    const n = night();
    const r = await runAction(byKey("withings-get-intraday-activity"), {
      auth, props: { startDate: String(n.startdate), endDate: String(n.enddate), dataFields: ["rmssd", "sdnn1", "hrv_quality", "rr"], timezone: "Europe/Paris" },
    });
    const points = r.result as any[];
    expect(points.length).toBeGreaterThan(20);
    for (const p of points) for (const f of ["rmssd", "sdnn1", "hrv_quality", "rr"]) expect([f, typeof p[f]]).toEqual([f, "number"]);
  });

  it("Get Sleep Summary carries no core body temperature for the Sleep Analyzer", async () => {
    const r = await runAction(byKey("withings-get-sleep-summary"), { auth, props: {} });
    const nights = r.result as any[];
    expect(nights.length).toBeGreaterThan(0);
    for (const s of nights) expect(JSON.stringify(s)).not.toMatch(/core_body_temperature/);
  });
});
