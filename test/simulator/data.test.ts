import { startSimulator, type Simulator } from "../../simulator";
import { NOW, call } from "./helpers";

let sim: Simulator;
let token: string;
let uid: string;
const H = 3600;
beforeEach(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true, pageSize: 3, rateLimitPerMinute: 0 });
  token = sim.issueTokens().access_token;
  uid = sim.demoUserId;
});
afterEach(() => sim.close());

const getmeas = (form: Record<string, string | number> = {}) => call(sim, "/measure", { action: "getmeas", ...form }, token);

describe("getmeas", () => {
  it("returns groups modified strictly after lastupdate, with updatetime = clock", async () => {
    const [g] = sim.data.addWeighIn(uid, { date: NOW - 600, weightKg: 80.5, device: "manual" });
    expect(g).toMatchObject({ created: NOW, modified: NOW, attrib: 2, deviceid: null, model: null, modelid: null });
    const r = await getmeas({ lastupdate: NOW - 1 });
    expect(r.body).toEqual({ updatetime: NOW, timezone: "Europe/Paris", measuregrps: [expect.objectContaining({ grpid: g.grpid })] });
    expect(r.body.measuregrps[0].measures).toEqual([{ value: 80500, type: 1, unit: -3, algo: 0, fm: 128 }]);
    expect((await getmeas({ lastupdate: NOW })).body.measuregrps).toEqual([]);

    sim.clock.advance(120);
    sim.data.modifyMeasureGroup(uid, g.grpid, { measures: [{ value: 8040, type: 1, unit: -2 }] });
    const again = await getmeas({ lastupdate: NOW });
    expect(again.body.updatetime).toBe(NOW + 120);
    expect(again.body.measuregrps).toEqual([expect.objectContaining({ grpid: g.grpid, created: NOW, modified: NOW + 120 })]);
  });

  it("yields two groups per Body Cardio weigh-in and filters by meastype(s), date range and category", async () => {
    const groups = sim.data.addWeighIn(uid, { date: NOW - H, weightKg: 79, fatRatio: 20, pwv: 7.1, vascularAge: 40 });
    sim.data.addBloodPressure(uid, { date: NOW - 2 * H, systolic: 121, diastolic: 79, pulse: 64 });
    expect(groups.map((g) => [g.attrib, g.date, g.deviceid, g.modelid])).toEqual([
      [0, NOW - H, groups[0].deviceid, 6], [8, NOW - H, groups[0].deviceid, 6],
    ]);
    const pwv = await getmeas({ meastype: 91 });
    expect(pwv.body.measuregrps).toHaveLength(1);
    expect(pwv.body.measuregrps[0].measures).toEqual([{ value: 7100, type: 91, unit: -3, algo: 0, fm: 128 }]);
    const bpAndWeight = await getmeas({ meastypes: "1,10", category: 1 });
    expect(bpAndWeight.body.measuregrps.map((g: any) => g.measures.map((m: any) => m.type))).toEqual([[1], [10]]);
    expect((await getmeas({ startdate: NOW - 90 * 60, enddate: NOW })).body.measuregrps).toHaveLength(2);
    expect((await getmeas({ category: 2 })).body.measuregrps).toEqual([]);
    expect((await getmeas({ meastype: "1,4" })).status).toBe(503);
  });

  it("pages with more 0/1 and opaque offsets, newest first", async () => {
    for (let i = 0; i < 7; i += 1) sim.data.addMeasureGroup(uid, { date: NOW - i * H, measures: [{ value: 80000 + i, type: 1, unit: -3 }] });
    const seen: number[] = [];
    const mores: unknown[] = [];
    let offset: number | undefined;
    for (;;) {
      const r = await getmeas(offset === undefined ? {} : { offset });
      seen.push(...r.body.measuregrps.map((g: any) => g.date));
      mores.push(r.body.more);
      if (!r.body.more) break;
      expect(r.body.offset).not.toBe(seen.length);
      offset = r.body.offset;
    }
    expect(mores).toEqual([1, 1, 0]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => NOW - i * H));
    expect((await getmeas({ offset: 5 })).error).toBe("Invalid Params: invalid offset");
  });

  it("leaves out more/offset on an answer that fits one page", async () => {
    sim.data.addMeasureGroup(uid, { date: NOW, measures: [{ value: 1, type: 1, unit: 0 }] });
    const r = await getmeas();
    expect(r.body).not.toHaveProperty("more");
    expect(r.body).not.toHaveProperty("offset");
  });
});

describe("v2 day-based services", () => {
  beforeEach(() => {
    for (const d of ["2025-11-17", "2025-11-18", "2025-11-19", "2025-11-20"]) {
      sim.data.addActivity(uid, { date: d, steps: 1000, hr_average: 70 });
      sim.data.addActivity(uid, { date: d, source: "phone", steps: 900 });
    }
  });

  it("filters getactivity by YYYY-MM-DD, keeps one row per source, pages with boolean more", async () => {
    const first = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2025-11-18", enddateymd: "2025-11-19" }, token);
    expect(first.body.activities.map((a: any) => [a.date, a.modelid, a.deviceid === null])).toEqual([
      ["2025-11-18", 93, false], ["2025-11-18", 1055, true], ["2025-11-19", 93, false],
    ]);
    expect(first.body.more).toBe(true);
    const second = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2025-11-18", enddateymd: "2025-11-19", offset: first.body.offset }, token);
    expect(second.body.activities.map((a: any) => [a.date, a.modelid])).toEqual([["2025-11-19", 1055]]);
    expect(second.body.more).toBe(false);
  });

  it("returns an EMPTY result when lastupdate comes with ymd dates, and honours lastupdate alone", async () => {
    const both = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2025-11-17", enddateymd: "2025-11-20", lastupdate: 0 }, token);
    expect(both).toEqual({ status: 0, body: { activities: [], more: false, offset: 0 } });
    sim.clock.advance(10);
    sim.data.modifyActivity(uid, "2025-11-18", { steps: 5000 });
    const changed = await call(sim, "/v2/measure", { action: "getactivity", lastupdate: NOW }, token);
    expect(changed.body.activities).toEqual([expect.objectContaining({ date: "2025-11-18", steps: 5000, modified: NOW + 10, modelid: 93 })]);
  });

  it("picks data_fields: only requested ones, HR absent where the row has none", async () => {
    const r = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2025-11-20", enddateymd: "2025-11-20", data_fields: "steps,hr_average" }, token);
    expect(r.body.activities[0]).toMatchObject({ steps: 1000, hr_average: 70, brand: 1, is_tracker: true });
    expect(r.body.activities[1]).toMatchObject({ steps: 900, brand: 18, is_tracker: false, model: "GoogleFit tracker" });
    expect(r.body.activities[1]).not.toHaveProperty("hr_average");
    expect(r.body.activities[0]).not.toHaveProperty("distance");
  });

  it("dates workouts in the record's zone and nulls requested fields they lack", async () => {
    // 00:30 in Paris on the 21st is still the 20th in UTC.
    const start = Date.UTC(2025, 10, 20, 23, 30) / 1000;
    sim.data.addWorkout(uid, { category: 2, startdate: start, enddate: start + 1800, data: { calories: 300 } });
    const r = await call(sim, "/v2/measure", { action: "getworkouts", startdateymd: "2025-11-21", enddateymd: "2025-11-21", data_fields: "calories,hr_average" }, token);
    expect(r.body.series).toEqual([expect.objectContaining({ category: 2, date: "2025-11-21", timezone: "Europe/Paris", data: { calories: 300, hr_average: null } })]);
    const utcDay = await call(sim, "/v2/measure", { action: "getworkouts", startdateymd: "2025-11-20", enddateymd: "2025-11-20" }, token);
    expect(utcDay.body.series).toEqual([]);
  });
});

describe("sleep", () => {
  const night = (wakeUtcDay: number) => {
    const end = Date.UTC(2025, 10, wakeUtcDay, 6, 0) / 1000;
    return sim.data.addSleepSummary(uid, {
      startdate: end - 8 * H, enddate: end,
      data: { total_sleep_time: 25_000, deepsleepduration: 5000, hr_average: 55, hr_min: 48, rr_average: 14, sleep_score: 80, snoring: 300, snoringepisodecount: 4 },
    });
  };

  it("getsummary without data_fields omits hr_*, rr_*, sleep_score and snoring*; with them returns exactly those", async () => {
    const s = night(20);
    expect(s.date).toBe("2025-11-20");
    const plain = await call(sim, "/v2/sleep", { action: "getsummary", startdateymd: "2025-11-20", enddateymd: "2025-11-20" }, token);
    expect(plain.body.series[0].data).toEqual({ total_sleep_time: 25_000, deepsleepduration: 5000 });
    const picked = await call(sim, "/v2/sleep", { action: "getsummary", lastupdate: NOW - 1, data_fields: "hr_average,sleep_score,snoring" }, token);
    expect(picked.body.series[0].data).toEqual({ hr_average: 55, sleep_score: 80, snoring: 300 });
    expect(picked.body).toMatchObject({ more: false });
  });

  it("get returns states only without data_fields, series keyed by epoch with them, and only the first 24 h", async () => {
    night(18);
    const second = night(19);
    const start = Date.UTC(2025, 10, 17, 21, 0) / 1000;
    const states = await call(sim, "/v2/sleep", { action: "get", startdate: start, enddate: start + 3 * 86_400 }, token);
    expect(states.body.model).toBe(32);
    expect(states.body.series.length).toBeGreaterThan(3);
    expect(Object.keys(states.body.series[0]).sort()).toEqual(["enddate", "hash_deviceid", "model", "model_id", "startdate", "state"]);
    // The second night starts more than 24 h after startdate: truncated away.
    expect(Math.max(...states.body.series.map((s: any) => s.startdate))).toBeLessThan(second.startdate);

    const withHr = await call(sim, "/v2/sleep", { action: "get", startdate: start, enddate: start + 86_400, data_fields: "hr,snoring" }, token);
    const seg = withHr.body.series[0];
    expect(Object.keys(seg.hr)[0]).toBe(String(seg.startdate));
    expect(seg).toHaveProperty("snoring");
    expect(seg).not.toHaveProperty("rr");
  });
});

describe("intraday, heart, user", () => {
  it("truncates intraday to 24 h, filters data_fields, and answers [] when empty", async () => {
    expect((await call(sim, "/v2/measure", { action: "getintradayactivity", startdate: NOW - 86_400, enddate: NOW }, token)).body).toEqual({ series: [] });
    const t0 = NOW - 3 * 86_400;
    sim.data.addIntraday(uid, t0 + 60, { steps: 12, heart_rate: 88 });
    sim.data.addIntraday(uid, t0 + 86_400 + 60, { steps: 30 });
    const r = await call(sim, "/v2/measure", { action: "getintradayactivity", startdate: t0, enddate: t0 + 2 * 86_400, data_fields: "steps" }, token);
    expect(r.body.series).toEqual({ [String(t0 + 60)]: { deviceid: expect.any(String), model: "ScanWatch", model_id: 93, steps: 12 } });
  });

  it("lists ECGs newest first and serves a signal", async () => {
    sim.data.addEcg(uid, { timestamp: NOW - 2 * H, afib: 0, heart_rate: 70 });
    const e = sim.data.addEcg(uid, { timestamp: NOW - H, afib: 2, heart_rate: 80 });
    const list = await call(sim, "/v2/heart", { action: "list", startdate: NOW - 3 * H, enddate: NOW }, token);
    expect(list.body.series.map((s: any) => s.ecg.afib)).toEqual([2, 0]);
    const sig = await call(sim, "/v2/heart", { action: "get", signalid: e.ecg!.signalid }, token);
    expect(sig.body).toMatchObject({ sampling_frequency: 300, model: 93, heart_rate: 80 });
    expect(sig.body.signal).toHaveLength(9000);
    expect((await call(sim, "/v2/heart", { action: "get", signalid: 1 }, token)).status).toBe(503);
  });

  it("answers goals: [] for a user without goals, and the goals object once set", async () => {
    expect((await call(sim, "/v2/user", { action: "getgoals" }, token)).body).toEqual({ goals: [] });
    sim.data.setGoals(uid, { steps: 8000 });
    expect((await call(sim, "/v2/user", { action: "getgoals" }, token)).body).toEqual({ goals: { steps: 8000 } });
  });
});
