/** The simulator's own day arithmetic: real calendar days only, and days that start where the zone says. */
import { Store } from "../../simulator/store";
import { createClock } from "../../simulator/clock";
import { startSimulator, type Simulator } from "../../simulator";
import { NOW, call } from "./helpers";

describe("a day's notification window", () => {
  it("starts at the first local instant where daylight saving time starts at midnight (Santiago, 2024-09-08)", () => {
    const store = new Store(createClock(NOW, true));
    store.ensureUser("u1", { timezone: "America/Santiago" });
    const changes: Array<{ startdate: number; enddate: number }> = [];
    store.onChange((c) => changes.push(c as never));
    store.addActivity("u1", { date: "2024-09-08", steps: 10 } as never);
    // 00:00 does not exist that day: it starts at 01:00 -03 (04:00 UTC), and ends before 2024-09-09 00:00 -03.
    expect(changes).toEqual([expect.objectContaining({
      startdate: Date.UTC(2024, 8, 8, 4) / 1000, enddate: Date.UTC(2024, 8, 9, 3) / 1000 - 1,
    })]);
  });
});

describe("YYYY-MM-DD parameters", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true, rateLimitPerMinute: 0 });
  });
  afterAll(() => sim.close());

  it("refuse a day that does not exist instead of rolling it over (2026-02-30)", async () => {
    const token = sim.issueTokens().access_token;
    const bad = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2026-02-30", enddateymd: "2026-03-02" }, token);
    expect(bad).toMatchObject({ status: 503, error: expect.stringContaining("startdateymd must be YYYY-MM-DD") });
    const good = await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2026-02-28", enddateymd: "2026-03-02" }, token);
    expect(good.status).toBe(0);
  });
});
