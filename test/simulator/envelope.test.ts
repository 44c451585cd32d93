import { startSimulator, type Simulator } from "../../simulator";
import { NOW, call } from "./helpers";

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true, rateLimitPerMinute: 5 });
  token = sim.issueTokens().access_token;
});
afterEach(() => sim.close());

describe("envelopes", () => {
  it("answers 401 with Withings' invalid_token message for a missing or unknown token", async () => {
    const expected = { status: 401, body: {}, error: "XRequestID: Not provided invalid_token: The access token provided is invalid" };
    expect(await call(sim, "/measure", { action: "getmeas" })).toEqual(expected);
    expect(await call(sim, "/measure", { action: "getmeas" }, "0".repeat(40))).toEqual(expected);
  });

  it("answers 2554 for an unknown action or service, and 503 for bad params", async () => {
    expect(await call(sim, "/v2/sleep", { action: "getmeas" }, token)).toMatchObject({ status: 2554, body: {} });
    expect((await call(sim, "/v2/nothing", { action: "get" }, token)).status).toBe(2554);
    expect(await call(sim, "/v2/sleep", { action: "get", startdate: NOW }, token)).toEqual({ status: 503, body: {}, error: "Invalid Params: missing enddate" });
    expect((await call(sim, "/v2/measure", { action: "getactivity" }, token)).status).toBe(503);
    expect((await call(sim, "/measure", { action: "getmeas", startdate: "yesterday" }, token)).error).toBe("Invalid Params: startdate must be an integer");
    expect((await call(sim, "/v2/measure", { action: "getactivity", startdateymd: "2025-11-01", enddateymd: "2025-11-02", data_fields: "steps,stepz" }, token)).error)
      .toBe("Invalid Params: unknown data_fields value stepz");
  });

  it("answers 601 beyond the per-client limit of a rolling minute, and recovers after it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await call(sim, "/v2/user", { action: "getdevice" }, token)).status);
    expect(statuses).toEqual([0, 0, 0, 0, 0, 601]);
    // Another user's token of the same app shares the app's budget.
    expect((await call(sim, "/v2/user", { action: "getdevice" }, sim.issueTokens({ userid: "777" }).access_token)).status).toBe(601);
    sim.clock.advance(60);
    expect((await call(sim, "/v2/user", { action: "getdevice" }, token)).status).toBe(0);
  });

  it("accepts JSON bodies, query strings and the legacy access_token param on data calls", async () => {
    const json = await fetch(`${sim.url}/v2/user`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: "getgoals" }),
    });
    expect(await json.json()).toEqual({ status: 0, body: { goals: [] } });
    const query = await fetch(`${sim.url}/v2/user?action=getgoals&access_token=${token}`);
    expect(((await query.json()) as { status: number }).status).toBe(0);
  });

  it("logs every request with its envelope status", async () => {
    await call(sim, "/v2/user", { action: "getgoals" }, token);
    await call(sim, "/v2/user", { action: "nope" }, token);
    expect(sim.requests.map(({ path, action, status, at }) => ({ path, action, status, at }))).toEqual([
      { path: "/v2/user", action: "getgoals", status: 0, at: NOW },
      { path: "/v2/user", action: "nope", status: 2554, at: NOW },
    ]);
  });
});
