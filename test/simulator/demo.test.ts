import { startSimulator, UNKNOWN_MEASURE_TYPE, UNKNOWN_WORKOUT_CATEGORY, type Simulator } from "../../simulator";
import { NOW, call } from "./helpers";

let a: Simulator;
let b: Simulator;
let c: Simulator;
beforeAll(async () => {
  [a, b, c] = await Promise.all([
    startSimulator({ now: NOW, seed: 42, frozenClock: true }),
    startSimulator({ now: NOW, seed: 42, frozenClock: true }),
    startSimulator({ now: NOW, seed: 7, frozenClock: true }),
  ]);
});
afterAll(() => Promise.all([a.close(), b.close(), c.close()]));

const snapshot = (s: Simulator) => {
  const u = s.demoUserId;
  return JSON.stringify([s.client, u, s.data.measureGroups(u), s.data.activities(u), s.data.workouts(u), s.data.sleepSummaries(u),
    s.data.ecgs(u), s.data.devices(u), s.data.goals(u), s.data.sleepSegments(u, s.data.sleepSummaries(u)[10].id)]);
};

describe("demo user", () => {
  it("is identical for the same seed and clock, and different for another seed", () => {
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
  });

  it("serves identical answers for the same seed, including generated series", async () => {
    const ask = async (s: Simulator) => {
      const t = s.issueTokens().access_token;
      return Promise.all([
        call(s, "/v2/measure", { action: "getintradayactivity", startdate: NOW - 86_400, enddate: NOW }, t),
        call(s, "/v2/sleep", { action: "get", startdate: NOW - 86_400, enddate: NOW, data_fields: "hr,rr" }, t),
      ]);
    };
    const [x, y] = [await ask(a), await ask(b)];
    expect(x).toEqual(y);
    expect(Object.keys(x[0].body.series).length).toBeGreaterThan(100);
    expect(x[1].body.series.length).toBeGreaterThan(5);
  });

  it("covers a year with the documented quirks", () => {
    const u = a.demoUserId;
    const groups = a.data.measureGroups(u);
    const dates = groups.map((g) => g.date);
    expect(NOW - Math.min(...dates)).toBeGreaterThan(360 * 86_400);
    expect(groups.every((g) => g.created <= NOW && g.modified <= NOW && g.modified >= g.created)).toBe(true);
    // Body Cardio: composition (attrib 0) and PWV + vascular age (attrib 8), same date and device.
    const pwv = groups.filter((g) => g.attrib === 8);
    expect(pwv.length).toBeGreaterThan(50);
    for (const g of pwv.slice(0, 5)) {
      expect(g.measures.map((m) => m.type)).toEqual([91, 155]);
      expect(groups.some((o) => o.attrib === 0 && o.date === g.date && o.deviceid === g.deviceid && o.modelid === 6)).toBe(true);
    }
    const bp = groups.filter((g) => g.modelid === 45);
    expect(bp.length).toBeGreaterThan(100);
    expect(bp[0].measures.map((m) => m.type)).toEqual([9, 10, 11]);
    expect(groups.some((g) => g.measures.some((m) => m.type === UNKNOWN_MEASURE_TYPE))).toBe(true);
    expect(groups.some((g) => g.deviceid === null && g.attrib === 2)).toBe(true);
    expect(groups.some((g) => g.modified > g.created)).toBe(true);
    expect(groups.some((g) => g.created - g.date > 90 * 86_400)).toBe(true); // late arrivals

    const acts = a.data.activities(u);
    expect(new Set(acts.map((x) => x.modelid))).toEqual(new Set([93, 1055]));
    expect(acts.filter((x) => x.modelid === 1055).every((x) => x.deviceid === null && x.hr_average === undefined)).toBe(true);
    expect(a.data.workouts(u).some((w) => w.category === UNKNOWN_WORKOUT_CATEGORY)).toBe(true);
    const nights = a.data.sleepSummaries(u);
    expect(nights.length).toBeGreaterThan(360);
    expect(Object.keys(nights[0].data ?? {})).toEqual(expect.arrayContaining(["hr_average", "rr_average", "sleep_score", "snoring", "night_events"]));
    expect(a.data.ecgs(u).some((e) => e.model === 44 && e.bloodpressure)).toBe(true);
    expect(a.data.devices(u)).toContainEqual(expect.objectContaining({ model: "", battery: "unknown" }));
    expect(a.data.goals(u)).toMatchObject({ steps: 10_000 });
  });
});
