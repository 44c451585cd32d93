import workout from "../../components/withings/sources/new-workout/new-workout";
import sleepSummary from "../../components/withings/sources/new-sleep-summary/new-sleep-summary";
import ecg from "../../components/withings/sources/new-ecg-recording/new-ecg-recording";
import { DATA_FIELDS, DEFAULT_DATA_FIELDS } from "../../common/codes/data-fields";
import { WithingsAuthError } from "../../common/errors";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp } from "../helpers/http";
import { fakeHeartList, fakeLastupdateList, setNow, sourceHarness } from "../helpers/source-harness";

const T0 = 1795160000;
const MONTH = 30 * 86400;

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

describe("New Workout", () => {
  it("asks for changes since the cursor and emits each workout once, oldest first; the cursor follows the latest change read", async () => {
    setNow(T0);
    const server = fakeLastupdateList("/v2/measure", "series");
    server.records = loadFixture("source-measure-getworkouts").body.series;
    const http = server.serve(3);
    const h = sourceHarness(workout);
    await h.deploy();
    expect(http.requests[0].form).toEqual({
      action: "getworkouts", lastupdate: String(T0 - MONTH), data_fields: DATA_FIELDS.getworkouts.join(","),
    });
    expect(h.emitted.map((e) => e.meta)).toEqual([
      { id: "4100000101", ts: 1795076400000, summary: "Run, 32 min, 5.2 km on 2026-11-19 09:20 Europe/Paris" },
      { id: "4100000102", ts: 1795140000000, summary: "Walk, 25 min, 1.4 km on 2026-11-20 03:00 Europe/Paris" },
    ]);
    expect(h.emitted[0].event).toMatchObject({ id: 4100000101, category_name: "Run", duration_seconds: 1920, timezone: "Europe/Paris" });
    expect(h.cursor()).toBe(T0 - 300);

    server.records.push({ ...server.records[0], id: 4100000103, startdate: T0 + 60, enddate: T0 + 660, modified: T0 + 700 });
    setNow(T0 + 900);
    await h.run();
    // The change at T0 + 700 was read 200 s later: the next window starts there, not 5 minutes before the read.
    expect(h.cursor()).toBe(T0 + 700);
    setNow(T0 + 1800);
    await h.run();
    expect(http.requests.map((r) => r.form.lastupdate)).toEqual([T0 - MONTH, T0 - 300, T0 + 700].map(String));
    expect(h.delivered.map((e) => e.meta.id)).toEqual(["4100000101", "4100000102", "4100000103"]);
  });
});

describe("New Workout, edits", () => {
  it("does not emit a workout again when Withings returns it edited, even 150 workouts later", async () => {
    setNow(T0);
    const server = fakeLastupdateList("/v2/measure", "series");
    const base = loadFixture("source-measure-getworkouts").body.series[0];
    server.serve(1 + 3 + 1);
    const h = sourceHarness(workout);
    await h.deploy();
    server.records = Array.from({ length: 150 }, (_, i) => ({ ...base, id: 5000 + i, startdate: T0 - 86400 + i * 60, enddate: T0 - 86400 + i * 60 + 600, modified: T0 + 100 }));
    setNow(T0 + 900);
    await h.run();
    expect(h.emitted).toHaveLength(150);
    server.records[0] = { ...server.records[0], category: 2, modified: T0 + 1000 }; // the first one, edited
    setNow(T0 + 1800);
    await h.run();
    expect(h.emitted).toHaveLength(150);
    // The memory is bounded: the 150 ids, not every workout ever.
    expect((h.db.get("seen") as unknown[]).length).toBe(150);
  });
});

describe("New Sleep Summary", () => {
  it("emits each night once with its score, and not again when Withings recomputes it later", async () => {
    setNow(T0);
    const server = fakeLastupdateList("/v2/sleep", "series");
    server.records = loadFixture("source-sleep-getsummary").body.series;
    const http = server.serve(2);
    const h = sourceHarness(sleepSummary);
    await h.deploy();
    expect(http.requests[0].form).toEqual({
      action: "getsummary", lastupdate: String(T0 - MONTH), data_fields: DEFAULT_DATA_FIELDS.getsummary.join(","),
    });
    expect(h.emitted.map((e) => e.meta)).toEqual([
      { id: "3200000501", ts: 1795130400000, summary: "Slept 6 h 42 min, score 82, night of 2026-11-20 (ScanWatch)" },
    ]);
    expect(h.emitted[0].event).toMatchObject({ id: 3200000501, sleep_score: 82, total_sleep_time_hours: 6.7, date: "2026-11-20" });

    server.records[0] = { ...server.records[0], modified: T0 + 100 };
    setNow(T0 + 900);
    await h.run();
    expect(h.emitted).toHaveLength(1);
  });

  it("throws the reconnect error on 401 and keeps the cursor", async () => {
    setNow(T0);
    fakeLastupdateList("/v2/sleep", "series").serve(1);
    const h = sourceHarness(sleepSummary);
    await h.deploy();
    mockWithings([{ path: "/v2/sleep", body: loadFixture("error-401") }]);
    setNow(T0 + 900);
    await expect(h.run()).rejects.toThrow(WithingsAuthError);
    expect(h.cursor()).toBe(T0 - 300);
  });
});

describe("New ECG Recording", () => {
  it("reads a recording-time window from the cursor, emits by signal id, and catches a late upload", async () => {
    setNow(T0);
    const server = fakeHeartList();
    server.records = loadFixture("source-heart-list").body.series;
    const http = server.serve(3);
    const h = sourceHarness(ecg);
    await h.deploy();
    expect(http.requests[0].form).toEqual({ action: "list", startdate: String(T0 - MONTH - 86400), enddate: String(T0) });
    expect(h.emitted.map((e) => e.meta)).toEqual([
      { id: "ecg-501234567", ts: 1795150800000, summary: "ECG: AFib negative, 68 bpm on 2026-11-20 06:00 Europe/Paris" },
      {
        id: "ecg-501234890", ts: 1795154400000,
        summary: "ECG: AFib inconclusive, 74 bpm, blood pressure 128/81 mmHg on 2026-11-20 07:00 Europe/Paris",
      },
    ]);
    expect(h.emitted[0].event).toMatchObject({ signalid: 501234567, afib_result: "negative", model_name: "ScanWatch" });

    // Recorded offline three hours ago, uploaded now: older than the cursor, still emitted once.
    server.records.push({ ...server.records[0], ecg: { signalid: 501239999, afib: 0 }, timestamp: T0 - 3 * 3600, modified: T0 + 600 });
    setNow(T0 + 900);
    await h.run();
    setNow(T0 + 1800);
    await h.run();
    expect(http.requests[1].form).toEqual({ action: "list", startdate: String(T0 - 300 - 86400), enddate: String(T0 + 900) });
    expect(h.emitted.map((e) => e.meta.id)).toEqual(["ecg-501234567", "ecg-501234890", "ecg-501239999"]);
    expect(h.emitted[2].meta.ts).toBe((T0 - 3 * 3600) * 1000);
  });
});
