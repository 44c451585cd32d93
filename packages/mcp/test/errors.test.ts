/** Failures come back as isError results an agent can act on: never a crash, never a secret. */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACCESS_TTL } from "../../../simulator/index";
import { simEndpoints, simulatorLogin } from "../../../runner/targets";
import { TokenStore } from "../../../runner/tokens";
import { APP, realAccount } from "../src/account";
import { call, connect, harness, type CallResult, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await harness({ frozenClock: true });
});
afterAll(() => h.close());
const text = (r: CallResult) => r.content.map((c) => c.text ?? "").join("\n");

describe("bad arguments", () => {
  it.each([
    [{ maxResults: 0 }, 'Argument "maxResults" must be at least 1, got 0.'],
    [{ unitSystem: "kelvin" }, 'Argument "unitSystem" must be one of "metric", "imperial"; got "kelvin".'],
    [{ maxResults: "ten" }, 'Argument "maxResults" must be a whole number, got "ten".'],
    [{ measureTypes: [1, "weight"] }, 'Argument "measureTypes" items must each be a whole number, got "weight".'],
    [{ max_records: 0 }, 'Argument "max_records" must be at least 1, got 0.'],
    [{ weight: 80 }, 'Unknown argument "weight"; this tool takes "measureTypes", "category", "startDate"'],
  ])("%j is refused naming the argument", async (args, message) => {
    const r = await call(h.client, "withings_get_measures", args);
    expect(r.isError).toBe(true);
    expect(text(r)).toContain(message);
  });

  it("takes clean strings as the declared type (some clients send every argument as a string)", async () => {
    const r = await call(h.client, "withings_get_measures", { measureTypes: "[9, 10]", maxResults: "5", max_records: "2" });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ returned: 2 });
    for (const g of r.structuredContent!.records) expect(Object.keys(g.values).sort()).toEqual(["diastolic_bp", "systolic_bp"]);
  });

  it("a missing required argument says what it is", async () => {
    const r = await call(h.client, "withings_get_ecg_signal", {});
    expect(r.isError).toBe(true);
    expect(text(r)).toContain('Argument "signalId" is required: The `signalid` of an ECG recording, as returned by List ECG Recordings');
  });

  it("values only the component can judge are refused by its own validation, before any request", async () => {
    const before = h.sim.requests.length;
    const r = await call(h.client, "withings_get_measures", { startDate: "last tuesday" });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/^Invalid argument for withings_get_measures: Invalid "startDate": .* Fix the argument and call again\.$/);
    expect(h.sim.requests.length).toBe(before);
  });
});

describe("Withings failures", () => {
  it("a rate limit outlasting the component's retries says to wait, and the next call works", async () => {
    h.sim.faults.failNext(4, "rate_limit");
    const r = await call(h.client, "withings_list_devices");
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/^Withings getdevice failed with status 601 .*Wait a minute and try again\. Do not retry at once: wait about a minute, then call withings_list_devices once\.$/);
    expect((await call(h.client, "withings_list_devices")).isError).toBeFalsy();
  });

  it("an access token refused once is refreshed and the call goes through", async () => {
    h.sim.faults.failNext(1, "invalid_token");
    const r = await call(h.client, "withings_get_goals");
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent!.summary).toMatch(/^Goals: /);
  });
});

describe("a real account's token file", () => {
  async function tokenFile(): Promise<{ path: string; store: TokenStore }> {
    const path = join(mkdtempSync(join(tmpdir(), "withings-mcp-")), "tokens.json");
    const store = new TokenStore(path);
    store.write(await simulatorLogin(APP, h.sim));
    return { path, store };
  }
  const account = (path: string) => realAccount({
    tokenFile: path, clientId: h.sim.client.clientId, clientSecret: h.sim.client.clientSecret, ...simEndpoints(h.sim),
  });

  it("refreshes an expired access token, writing the rotated pair (0600) before using it", async () => {
    const { path, store } = await tokenFile();
    const first = store.read()!;
    const { client, close } = await connect(account(path));
    h.sim.clock.advance(ACCESS_TTL + 60);
    const r = await call(client, "withings_list_devices");
    const second = store.read()!;
    expect(r.isError).toBeFalsy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The next expiry refreshes again from the rotated token written to the file.
    h.sim.clock.advance(ACCESS_TTL + 60);
    expect((await call(client, "withings_list_devices")).isError).toBeFalsy();
    expect(store.read()!.refresh_token).not.toBe(second.refresh_token);
    const all = JSON.stringify(r);
    for (const s of [first.access_token, first.refresh_token, second.access_token, second.refresh_token]) expect(all).not.toContain(s);
    await close();
  });

  it("with no tokens, says to log in", async () => {
    const { client, close } = await connect(account(join(mkdtempSync(join(tmpdir(), "withings-mcp-")), "none.json")));
    const r = await call(client, "withings_list_devices");
    await close();
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/^No Withings account is connected \(no tokens in .*none\.json\)\. Run `npx withings-mcp login` in a terminal/);
  });

  it("a revoked authorization says to reconnect, without a token in the text", async () => {
    const { path, store } = await tokenFile();
    const tokens = store.read()!;
    const { client, close } = await connect(account(path));
    h.sim.faults.failNext(5, "invalid_token");
    const r = await call(client, "withings_list_devices");
    h.sim.faults.clear();
    await close();
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/Reconnect your Withings account.* Run `npx withings-mcp login` in a terminal/);
    for (const s of [tokens.access_token, tokens.refresh_token, h.sim.client.clientSecret]) expect(text(r)).not.toContain(s);
  });
});
