import weighIn from "../../components/withings/sources/new-weigh-in/new-weigh-in";
import bloodPressure from "../../components/withings/sources/new-blood-pressure-reading/new-blood-pressure-reading";
import measurement from "../../components/withings/sources/new-measurement/new-measurement";
import { WithingsAuthError, WithingsRateLimitError } from "../../common/errors";
import { WEIGH_IN_TYPES } from "../../common/codes/measure-types";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp } from "../helpers/http";
import { LASTUPDATE_SLACK } from "../../components/withings/sources/common/measures";
import { fakeGetmeas, setNow, sourceHarness, type Emitted } from "../helpers/source-harness";

const T0 = 1795160000; // 2026-11-20T07:33:20Z
const MONTH = 30 * 86400;
const SCALE = "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5";
const WEIGH_IN_FORM = { action: "getmeas", meastypes: WEIGH_IN_TYPES.join(","), category: "1" };

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

/** A weight group as Withings stores it (weight in grams, exponent -3). */
function weightGroup(grpid: number, date: number, created: number, grams: number, deviceid: string | null = SCALE) {
  return {
    grpid, attrib: deviceid ? 0 : 2, date, created, modified: created, category: 1, deviceid, hash_deviceid: deviceid,
    measures: [{ value: grams, type: 1, unit: -3, algo: 3, fm: 3 }], modelid: deviceid ? 5 : null,
    model: deviceid ? "Body+" : null, comment: null,
  };
}

function storeFromFixture() {
  const server = fakeGetmeas();
  server.records = loadFixture("source-measure-getmeas").body.measuregrps;
  return server;
}

/** Every emitted event honours the platform contract; within one page (or one run of one page) oldest first. */
function expectWellFormed(emitted: Emitted[], { ordered = true } = {}) {
  for (const { event, meta } of emitted) {
    expect(Number.isFinite(meta.ts)).toBe(true);
    expect(meta.ts).toBe(event.date * 1000);
    expect(meta.id.length).toBeLessThanOrEqual(64);
    expect(meta.id).toBe(event.id);
    expect(meta.summary).toMatch(/ on \d{4}-\d{2}-\d{2} \d{2}:\d{2} /);
  }
  const ts = emitted.map((e) => e.meta.ts);
  if (ordered) expect(ts).toEqual([...ts].sort((a, b) => a - b));
}

describe("New Weigh-in", () => {
  it("deploys with one event per weigh-in, merging the weigh-in's groups, oldest first", async () => {
    setNow(T0);
    const server = storeFromFixture();
    const http = server.serve(1);
    const h = sourceHarness(weighIn);
    await h.deploy();

    expect(http.requests.map((r) => r.form)).toEqual([{ ...WEIGH_IN_FORM, lastupdate: String(T0 - MONTH - LASTUPDATE_SLACK) }]);
    expect(h.emitted.map((e) => e.meta.summary)).toEqual([
      "Weight 73.1 kg on 2026-11-19 02:00 Europe/Paris",
      "Weight 72.4 kg, fat 18.1 % on 2026-11-20 07:42 Europe/Paris",
    ]);
    expect(h.emitted[1].event).toEqual({
      id: `1795156920-${SCALE}`, date: 1795156920, date_iso: "2026-11-20T07:42:00+01:00", timezone: "Europe/Paris",
      weight_kg: 72.4, fat_free_mass_kg: 59.29, fat_ratio_percent: 18.1, fat_mass_kg: 13.104, muscle_mass_kg: 56.32,
      hydration_kg: 40.15, bone_mass_kg: 2.96, pulse_wave_velocity_m_per_s: 7.34, vascular_age_years: 38,
      extracellular_water_kg: null, intracellular_water_kg: null, visceral_fat: null,
      basal_metabolic_rate_kcal_per_day: null, metabolic_age_years: null,
      device_model: "Body Cardio", deviceid: SCALE, grpids: [6120045101, 6120045102], trusted: true,
    });
    expect(h.emitted[0].event).toMatchObject({ id: "1795050000-manual", weight_kg: 73.1, deviceid: null, device_model: null });
    expect(h.cursor()).toBe(T0);
    expectWellFormed(h.emitted);
  });

  it("names fields in pounds when the unit system is imperial", async () => {
    setNow(T0);
    storeFromFixture().serve(1);
    const h = sourceHarness(weighIn, { unitSystem: "imperial" });
    await h.deploy();
    expect(h.emitted[1].event).toMatchObject({ weight_lb: 159.61, fat_mass_lb: 28.89, fat_ratio_percent: 18.1 });
    expect(h.emitted[1].event).not.toHaveProperty("weight_kg");
    expect(h.emitted[1].meta.summary).toBe("Weight 159.61 lb, fat 18.1 % on 2026-11-20 07:42 Europe/Paris");
  });

  it("emits new data between runs, ignores later edits, and emits late data with its own old date", async () => {
    setNow(T0);
    const server = fakeGetmeas();
    const http = server.serve(5);
    const h = sourceHarness(weighIn);
    await h.deploy();
    expect(h.emitted).toHaveLength(0); // nothing yet: quiet
    expect(h.cursor()).toBe(T0);

    server.records.push(weightGroup(7001, T0 + 60, T0 + 100, 72100));
    setNow(T0 + 900);
    await h.run();
    expect(http.requests[1].form).toEqual({ ...WEIGH_IN_FORM, lastupdate: String(T0 - LASTUPDATE_SLACK) });
    expect(h.emitted.map((e) => e.event.weight_kg)).toEqual([72.1]);
    expect(h.cursor()).toBe(T0 + 900);

    setNow(T0 + 1800); // an empty run: nothing emitted, nothing thrown
    await h.run();
    expect(h.emitted).toHaveLength(1);
    expect(h.cursor()).toBe(T0 + 1800);

    server.records[0] = { ...server.records[0], modified: T0 + 2000, measures: [{ value: 72000, type: 1, unit: -3 }] };
    setNow(T0 + 2700); // the edit comes back from Withings but is not a new weigh-in
    await h.run();
    expect(http.requests[3].form.lastupdate).toBe(String(T0 + 1800 - LASTUPDATE_SLACK));
    expect(h.emitted).toHaveLength(1);

    const tenDaysAgo = T0 - 10 * 86400;
    server.records.push(weightGroup(7002, tenDaysAgo, T0 + 3000, 73500)); // measured offline, synced now
    setNow(T0 + 3600);
    await h.run();
    expect(h.emitted.map((e) => e.meta.id)).toEqual([`${T0 + 60}-${SCALE}`, `${tenDaysAgo}-${SCALE}`]);
    expect(h.emitted[1].meta.ts).toBe(tenDaysAgo * 1000);
    expect(h.delivered).toHaveLength(2);
    expect(http.pending()).toEqual([]);
  });

  it("reads several pages in one run and emits each page as it is read, oldest first within the page", async () => {
    setNow(T0);
    const server = fakeGetmeas(2);
    const http = server.serve(4);
    const h = sourceHarness(weighIn);
    await h.deploy();
    for (let i = 0; i < 5; i++) server.records.push(weightGroup(8000 + i, T0 + 100 * i, T0 + 600, 70000 + i * 100));
    setNow(T0 + 900);
    await h.run();
    expect(http.requests.slice(1).map((r) => r.form.offset)).toEqual([undefined, "2", "4"]);
    expect(http.requests[3].form).toEqual({ ...WEIGH_IN_FORM, lastupdate: String(T0 - LASTUPDATE_SLACK), offset: "4" });
    // Newest first from the server, two per page; the last session of a page waits for the next page in case
    // its other groups open it: [70.4 | 70.3 held], [70.3, 70.2 | 70.1 held], [70.1, 70.0].
    expect(h.emitted.map((e) => e.event.weight_kg)).toEqual([70.4, 70.2, 70.3, 70, 70.1]);
    expectWellFormed(h.emitted, { ordered: false });
    expect(h.cursor()).toBe(T0 + 900);
  });

  it("fails on page two of three after emitting page one, then carries on from page two: every record exactly once", async () => {
    setNow(T0);
    const server = fakeGetmeas(2);
    const http = server.serve(1 + 1 + 4 + 2);
    const h = sourceHarness(weighIn);
    await h.deploy();
    for (let i = 0; i < 6; i++) server.records.push(weightGroup(9000 + i, T0 + 100 * i, T0 + 600, 70000 + i * 100));

    server.failNext(2, 4); // page 2 answers 601 on the first try and on all three retries
    setNow(T0 + 900);
    await expect(h.run()).rejects.toThrow(WithingsRateLimitError);
    expect(http.requests.slice(1).map((r) => r.form.offset)).toEqual([undefined, "2", "2", "2", "2"]);
    // Page one was emitted (its held-back session too), and the cursor says so: same window, next offset.
    expect(h.emitted.map((e) => e.event.weight_kg)).toEqual([70.5, 70.4]);
    expect(h.cursor()).toEqual({ since: T0, window: { opened: T0 + 900, until: T0 + 900, offset: 2, pages: 1 } });

    setNow(T0 + 1800);
    await h.run();
    expect(http.requests.slice(6).map((r) => [r.form.lastupdate, r.form.offset])).toEqual([
      [String(T0 - LASTUPDATE_SLACK), "2"], [String(T0 - LASTUPDATE_SLACK), "4"],
    ]);
    const ids = h.emitted.map((e) => e.meta.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(h.cursor()).toBe(T0 + 900);
    expect(http.pending()).toEqual([]);
  });

  it("throws the reconnect error on 401 and leaves the cursor alone", async () => {
    setNow(T0);
    fakeGetmeas().serve(1);
    const h = sourceHarness(weighIn);
    await h.deploy();
    mockWithings([{ path: "/measure", body: loadFixture("error-401") }]);
    setNow(T0 + 900);
    const err = await h.run().catch((e) => e);
    expect(err).toBeInstanceOf(WithingsAuthError);
    expect(err.message).toMatch(/Reconnect your Withings account/);
    expect(h.cursor()).toBe(T0);
  });

  it("caps the deploy backfill at the 25 most recent weigh-ins, oldest first", async () => {
    setNow(T0);
    const server = fakeGetmeas(10);
    for (let i = 0; i < 40; i++) server.records.push(weightGroup(10000 + i, T0 - 40 * 3600 + i * 3600, T0 - 86400 + i, 70000 + i * 10));
    const http = server.serve(4);
    const h = sourceHarness(weighIn);
    await h.deploy();
    expect(http.requests).toHaveLength(4); // every page is read before choosing
    expect(h.emitted).toHaveLength(25);
    expect(h.emitted[0].event.date).toBe(T0 - 40 * 3600 + 15 * 3600);
    expect(h.emitted[24].event.date).toBe(T0 - 3600);
    expectWellFormed(h.emitted);
    expect(h.cursor()).toBe(T0);
  });

  it("keeps the db at one small key after 1,000 runs", async () => {
    setNow(T0);
    const server = fakeGetmeas();
    server.serve(1001);
    const h = sourceHarness(weighIn);
    await h.deploy();
    const afterOne = { keys: h.db.keys(), bytes: h.db.bytes() };
    for (let run = 1; run <= 1000; run++) {
      const now = T0 + run * 900;
      if (run % 10 === 0) server.records.push(weightGroup(20000 + run, now - 300, now - 200, 70000 + run));
      setNow(now);
      await h.run();
    }
    expect(h.emitted).toHaveLength(100);
    expect(new Set(h.emitted.map((e) => e.meta.id)).size).toBe(100);
    expect(h.db.keys()).toEqual(afterOne.keys);
    expect(Math.abs(h.db.bytes() - afterOne.bytes)).toBeLessThanOrEqual(2);
  });
});

describe("New Blood Pressure Reading", () => {
  it("emits one event per reading with the three named values, and ignores a scale's pulse", async () => {
    setNow(T0);
    const server = storeFromFixture();
    const http = server.serve(1);
    const h = sourceHarness(bloodPressure);
    await h.deploy();
    expect(http.requests[0].form).toEqual({ action: "getmeas", meastypes: "9,10,11", category: "1", lastupdate: String(T0 - MONTH - LASTUPDATE_SLACK) });
    expect(h.emitted).toHaveLength(1);
    expect(h.emitted[0].event).toEqual({
      id: "1795102200-77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b", date: 1795102200, date_iso: "2026-11-19T16:30:00+01:00",
      timezone: "Europe/Paris", systolic_mmhg: 121, diastolic_mmhg: 78, pulse_bpm: 64, device_model: "BPM Connect",
      deviceid: "77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b", grpids: [6119987420], trusted: true,
    });
    expect(h.emitted[0].meta).toEqual({
      id: "1795102200-77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b", ts: 1795102200000,
      summary: "Blood pressure 121/78 mmHg, pulse 64 bpm on 2026-11-19 16:30 Europe/Paris",
    });
  });
});

describe("New Measurement", () => {
  it("merges groups sharing date and device into one session with named values and units", async () => {
    setNow(T0);
    const http = storeFromFixture().serve(1);
    const h = sourceHarness(measurement);
    await h.deploy();
    expect(http.requests[0].form).toEqual({ action: "getmeas", category: "1", lastupdate: String(T0 - MONTH - LASTUPDATE_SLACK) });
    expect(h.emitted.map((e) => e.event.grpids)).toEqual([[6119900001], [6119987420], [6120045101, 6120045102, 6120045103]]);
    const session = h.emitted[2].event;
    expect(session).toMatchObject({
      id: `1795156920-${SCALE}`, model: "Body Cardio", attribs: [0, 8],
      values: { weight: 72.4, fat_ratio: 18.1, pulse_wave_velocity: 7.34, vascular_age: 38, heart_pulse: 61 },
      units: { weight: "kg", fat_ratio: "%", pulse_wave_velocity: "m/s", heart_pulse: "bpm" },
    });
    expect(h.emitted[2].meta.summary)
      .toBe("Weight 72.4 kg, fat ratio 18.1 %, fat mass 13.104 kg and 7 more on 2026-11-20 07:42 Europe/Paris");
    expectWellFormed(h.emitted);
  });

  it("sends the measure type filter and gives a session split across runs the same id", async () => {
    setNow(T0);
    const server = fakeGetmeas();
    const http = server.serve(3);
    const h = sourceHarness(measurement, { measureTypes: [1, 91] });
    await h.deploy();
    expect(http.requests[0].form.meastypes).toBe("1,91");

    const [weight, pwv] = loadFixture("source-measure-getmeas").body.measuregrps;
    server.records.push({ ...weight, created: T0 + 100, modified: T0 + 100 });
    setNow(T0 + 900);
    await h.run();
    server.records.push({ ...pwv, created: T0 + 1000, modified: T0 + 1000 });
    setNow(T0 + 1800);
    await h.run();
    // The second half is emitted with the session's id and deduplicated by the platform.
    expect(h.emitted.map((e) => e.meta.id)).toEqual([`1795156920-${SCALE}`, `1795156920-${SCALE}`]);
    expect(h.delivered).toHaveLength(1);
    expect(h.delivered[0].event.values).toEqual({ weight: 72.4 });
  });
});
