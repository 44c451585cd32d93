import { startSimulator, type Simulator } from "../../simulator";
import { decodeAlaw, alawToLinear } from "../../common/decode/alaw";
import { linearToAlaw } from "../../simulator/stetho-signal";
import { NOW, call } from "./helpers";

let sim: Simulator;
let token: string;
let uid: string;
beforeAll(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, seed: 42, pageSize: 4, rateLimitPerMinute: 0 });
  token = sim.issueTokens().access_token;
  uid = sim.demoUserId;
});
afterAll(() => sim.close());

const stetho = (form: Record<string, string | number>) => call(sim, "/v2/stetho", form, token);

describe("/v2/stetho", () => {
  it("lists the demo user's recordings newest first, with only the list's fields, over pages", async () => {
    const all = sim.data.stethos(uid);
    expect(all.length).toBeGreaterThan(30);
    const since = NOW - 40 * 86400;
    const expected = all.filter((s) => s.timestamp >= since).sort((a, b) => b.timestamp - a.timestamp);
    expect(expected.length).toBeGreaterThanOrEqual(4);

    const got: any[] = [];
    let offset: number | undefined;
    for (let page = 0; page < 10; page += 1) {
      const r = await stetho({ action: "list", startdate: since, enddate: NOW, ...(offset ? { offset } : {}) });
      expect(r.status).toBe(0);
      got.push(...r.body.series);
      if (!r.body.more) break;
      expect(r.body.offset).not.toBe(offset);
      offset = r.body.offset;
    }
    expect(got.map((s) => s.signalid)).toEqual(expected.map((s) => s.signalid));
    for (const s of got) expect(Object.keys(s).sort()).toEqual(["hash_deviceid", "signalid", "timestamp", "timezone", "vhd"]);
    expect(got[0]).toMatchObject({ timezone: "Europe/Paris", hash_deviceid: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it("has the quirks on purpose: a positive, an inconclusive and an unknown vhd code", () => {
    const codes = new Set(sim.data.stethos(uid).map((s) => s.vhd));
    expect([...codes].sort()).toEqual([0, 1, 2, 7]);
  });

  it("gets one recording as 4 kHz A-law with its metadata, and heart sounds in it", async () => {
    const rec = sim.data.stethos(uid).find((s) => s.vhd === 0)!;
    const r = await stetho({ action: "get", signalid: rec.signalid });
    expect(r.status).toBe(0);
    const { signal, ...meta } = r.body;
    expect(meta).toEqual({ frequency: 4000, duration: 10, format: 1, size: 40000, resolution: 8, channel: 1, model: 44, position: rec.position, vhd: 0 });
    expect(signal).toHaveLength(40000);
    expect(signal.every((c: number) => Number.isInteger(c) && c >= 0 && c <= 255)).toBe(true);
    // Loud S1/S2 thumps once per beat over a quiet floor.
    const pcm = Array.from(decodeAlaw(signal));
    const beat = Math.round((4000 * 60) / rec.heart_rate);
    const loudAt = (i: number) => Math.max(...pcm.slice(i, i + 400).map(Math.abs));
    expect(loudAt(0)).toBeGreaterThan(8000);
    expect(loudAt(beat)).toBeGreaterThan(8000);
    expect(loudAt(Math.round(beat * 0.6))).toBeLessThan(1000);
  });

  it("answers 503 for an unknown signal id and for a missing one", async () => {
    expect((await stetho({ action: "get", signalid: 1 })).status).toBe(503);
    expect((await stetho({ action: "get" })).status).toBe(503);
  });

  it("encodes with the inverse of the G.711 decoder", () => {
    for (let code = 0; code < 256; code += 1) expect(linearToAlaw(alawToLinear(code))).toBe(code);
    expect(linearToAlaw(40000)).toBe(0xaa);
    expect(linearToAlaw(-40000)).toBe(0x2a);
  });
});

describe("requested data fields", () => {
  const sleepFields = ["sdnn_1", "rmssd", "hrv_quality", "mvt_score", "chest_movement_rate", "withings_index", "breathing_sounds"];

  it("serves the non-default sleep series when asked, and only then", async () => {
    const night = sim.data.sleepSummaries(uid).at(-1)!;
    const asked = await call(sim, "/v2/sleep", {
      action: "get", startdate: night.startdate, enddate: night.startdate + 86400, data_fields: sleepFields.join(","),
    }, token);
    expect(asked.status).toBe(0);
    expect(asked.body.series.length).toBeGreaterThan(3);
    for (const seg of asked.body.series) {
      for (const f of sleepFields) expect([f, typeof seg[f]]).toEqual([f, "object"]);
      expect(seg.hr).toBeUndefined();
      const minutes = Object.keys(seg.rmssd).map(Number);
      expect(minutes[0]).toBe(seg.startdate);
      expect(minutes.every((m) => m >= seg.startdate && m < seg.enddate)).toBe(true);
    }
    const plain = await call(sim, "/v2/sleep", { action: "get", startdate: night.startdate, enddate: night.startdate + 86400 }, token);
    for (const seg of plain.body.series) for (const f of sleepFields) expect(seg[f]).toBeUndefined();
  });

  it("serves night-time HRV and respiration rate in intraday when asked", async () => {
    const night = sim.data.sleepSummaries(uid).at(-1)!;
    const r = await call(sim, "/v2/measure", {
      action: "getintradayactivity", startdate: night.startdate, enddate: night.enddate, data_fields: "rmssd,sdnn1,hrv_quality,rr",
    }, token);
    const points = Object.values<any>(r.body.series);
    expect(points.length).toBeGreaterThan(20);
    for (const p of points) {
      expect(Object.keys(p).sort()).toEqual(["deviceid", "hrv_quality", "model", "model_id", "rmssd", "rr", "sdnn1"]);
    }
  });

  it("leaves core body temperature out of sleep summaries of a device without a thermometer", async () => {
    const r = await call(sim, "/v2/sleep", { action: "getsummary", lastupdate: 0 }, token);
    expect(r.body.series.length).toBeGreaterThan(0);
    for (const s of r.body.series) expect(Object.keys(s.data).filter((k) => k.startsWith("core_body_temperature"))).toEqual([]);
  });
});
