import { startSimulator, type Simulator } from "../../simulator";
import { NOW, call } from "./helpers";

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true, pageSize: 2, rateLimitPerMinute: 0 });
  token = sim.issueTokens().access_token;
  for (let i = 0; i < 5; i += 1) sim.data.addMeasureGroup(sim.demoUserId, { date: NOW - i * 60, measures: [{ value: i, type: 1, unit: 0 }] });
});
afterEach(() => sim.close());

const post = (path: string, form: Record<string, string | number>) => fetch(`${sim.url}${path}`, {
  method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])),
});

describe("fault injection", () => {
  it.each([
    ["rate_limit", 601],
    ["timeout", 522],
    ["invalid_token", 401],
  ] as const)("%s answers HTTP 200 with status %d, then the next call succeeds", async (kind, status) => {
    sim.faults.failNext(1, kind);
    const r = await call(sim, "/measure", { action: "getmeas" }, token);
    expect(r).toMatchObject({ status, body: {} });
    expect(typeof r.error).toBe("string");
    expect((await call(sim, "/measure", { action: "getmeas" }, token)).status).toBe(0);
  });

  it("http_500 answers HTTP 500 with a non-JSON body", async () => {
    sim.faults.failNext(1, "http_500");
    const res = await post("/measure", { action: "getmeas" });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("malformed_json answers HTTP 200 with truncated JSON", async () => {
    sim.faults.failNext(1, "malformed_json");
    const res = await post("/measure", { action: "getmeas" });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"status":0,"body":{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("slow answers correctly but after more than 2.5 s", async () => {
    sim.faults.failNext(1, "slow");
    const t0 = Date.now();
    expect((await call(sim, "/v2/user", { action: "getgoals" }, token)).status).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2500);
  });

  it("fails a later page only when asked with paged: true, and only matching path/action", async () => {
    sim.faults.failNext(1, "timeout", { path: "/measure", action: "getmeas", paged: true });
    expect((await call(sim, "/v2/user", { action: "getgoals" }, token)).status).toBe(0);
    const first = await call(sim, "/measure", { action: "getmeas" }, token);
    expect(first.body.more).toBe(1);
    expect((await call(sim, "/measure", { action: "getmeas", offset: first.body.offset }, token)).status).toBe(522);
    expect((await call(sim, "/measure", { action: "getmeas", offset: first.body.offset }, token)).status).toBe(0);
  });

  it("failRate is seeded, reproducible, and cleared by clear()", async () => {
    const run = async () => {
      sim.faults.failRate(0.3, ["rate_limit", "timeout"], { seed: 7 });
      const out: number[] = [];
      for (let i = 0; i < 20; i += 1) out.push((await call(sim, "/v2/user", { action: "getgoals" }, token)).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.filter((s) => s !== 0).length).toBeGreaterThan(0);
    expect(a.every((s) => [0, 601, 522].includes(s))).toBe(true);
    sim.faults.clear();
    expect((await call(sim, "/v2/user", { action: "getgoals" }, token)).status).toBe(0);
  });
});
