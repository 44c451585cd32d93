/** Authentication against the simulator: code exchange, refresh with rotation, and Withings' HTTP-200 errors mapped to Zapier's. */
import type { Simulator } from "../../../simulator/types";
import { App, appTester, authData, failure, startZapierSim, stopZapierSim } from "./helpers";

let sim: Simulator;
beforeEach(async () => {
  sim = await startZapierSim();
});
afterEach(async () => {
  await stopZapierSim(sim);
});

const oauth = App.authentication.oauth2Config;

async function codeFor(redirectUri: string): Promise<string> {
  const url = await appTester(oauth.authorizeUrl, { inputData: { redirect_uri: redirectUri, state: "zap-state-123" } }) as string;
  const res = await fetch(url, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "");
  expect(location.searchParams.get("state")).toBe("zap-state-123");
  return location.searchParams.get("code") ?? "";
}

describe("OAuth2", () => {
  test("the authorization URL asks for comma-separated scopes, the client, the redirect URI and Zapier's state", async () => {
    const url = new URL(await appTester(oauth.authorizeUrl, {
      inputData: { redirect_uri: sim.client.redirectUri, state: "s-1" },
    }) as string);
    expect(url.searchParams.get("client_id")).toBe(sim.client.clientId);
    expect(url.searchParams.get("scope")).toBe("user.info,user.metrics,user.activity");
    expect(url.searchParams.get("redirect_uri")).toBe(sim.client.redirectUri);
    expect(url.searchParams.get("state")).toBe("s-1");
    expect(url.searchParams.get("response_type")).toBe("code");
  });

  test("getAccessToken exchanges the code and returns both tokens and the userid, unwrapped", async () => {
    const code = await codeFor(sim.client.redirectUri);
    const tokens = await appTester(oauth.getAccessToken, { inputData: { code, redirect_uri: sim.client.redirectUri } }) as Record<string, string>;
    expect(tokens.access_token).toMatch(/\w{8,}/);
    expect(tokens.refresh_token).toMatch(/\w{8,}/);
    expect(tokens.userid).toBe(sim.demoUserId);
    expect(tokens.scope).toContain("user.metrics");
    // The connection works with them.
    const probe = await appTester(App.authentication.test, { authData: tokens }) as { device_count: number };
    expect(probe.device_count).toBeGreaterThan(0);
  });

  test("an expired or reused code is an error that says so, without the code or the secret", async () => {
    const err = await failure(appTester(oauth.getAccessToken, { inputData: { code: "not-a-real-code-42", redirect_uri: sim.client.redirectUri } }));
    expect(err.message).toMatch(/status 503/);
    expect(err.message).not.toContain("not-a-real-code-42");
    expect(err.message).not.toContain(sim.client.clientSecret);
  });

  test("refreshAccessToken returns the rotated refresh token, and the new pair works", async () => {
    const auth = authData(sim);
    const fresh = await appTester(oauth.refreshAccessToken, { authData: auth }) as Record<string, string>;
    expect(fresh.refresh_token).toBeTruthy();
    expect(fresh.refresh_token).not.toBe(auth.refresh_token);
    expect(fresh.access_token).not.toBe(auth.access_token);
    const probe = await appTester(App.authentication.test, { authData: { ...auth, ...fresh } }) as { device_count: number };
    expect(probe.device_count).toBeGreaterThan(0);
    // Refreshing again uses (and rotates) the new one.
    const again = await appTester(oauth.refreshAccessToken, { authData: { ...auth, ...fresh } }) as Record<string, string>;
    expect(again.refresh_token).not.toBe(fresh.refresh_token);
  });

  test("a dead refresh token is an ExpiredAuthError that asks to reconnect", async () => {
    const err = await failure(appTester(oauth.refreshAccessToken, { authData: { ...authData(sim), refresh_token: "revoked-refresh-token" } }));
    expect(err.name).toBe("ExpiredAuthError");
    expect(err.message).toMatch(/Reconnect your Withings account/);
    expect(err.message).not.toContain("revoked-refresh-token");
  });
});

describe("connection test and label", () => {
  test("the test lists the devices; the label names device models, never an id or token", async () => {
    const auth = authData(sim);
    const probe = await appTester(App.authentication.test, { authData: auth }) as Record<string, unknown>;
    const label = await appTester(App.authentication.connectionLabel, { authData: auth, inputData: probe }) as string;
    expect(label).toMatch(/^Withings/);
    for (const secret of [auth.access_token, auth.refresh_token, auth.userid]) expect(label).not.toContain(secret);
    expect(JSON.stringify(probe)).not.toMatch(/deviceid/);
  });
});

describe("Withings' HTTP-200 errors as Zapier errors", () => {
  test("body status 401 is a RefreshAuthError, so Zapier's autoRefresh refreshes and runs the step again", async () => {
    const err = await failure(appTester(App.authentication.test, { authData: { ...authData(sim), access_token: "expired-token-1234" } }));
    expect(err.name).toBe("RefreshAuthError");
    expect(err.message).not.toContain("expired-token-1234");
    expect(App.authentication.oauth2Config.autoRefresh).toBe(true);
  });

  test("status 601 that outlasts the core's short retries is a ThrottledError with a delay", async () => {
    sim.faults.failNext(10, "rate_limit");
    const err = await failure(appTester(App.authentication.test, { authData: authData(sim) })) as Error & { delay?: number };
    expect(err.name).toBe("ThrottledError");
    expect(JSON.parse(err.message)).toEqual({ message: expect.stringMatching(/rate limit/), delay: 60 });
  });

  test("a single 601 is retried by the core and the step succeeds", async () => {
    sim.faults.failNext(1, "rate_limit", { action: "getdevice" });
    const probe = await appTester(App.authentication.test, { authData: authData(sim) }) as { device_count: number };
    expect(probe.device_count).toBeGreaterThan(0);
  });

  test("a 522 timeout is retried by the core; one that persists says to try again", async () => {
    sim.faults.failNext(1, "timeout", { action: "getdevice" });
    await expect(appTester(App.authentication.test, { authData: authData(sim) })).resolves.toBeTruthy();
    sim.faults.failNext(10, "timeout", { action: "getdevice" });
    const err = await failure(appTester(App.authentication.test, { authData: authData(sim) }));
    expect(err.message).toMatch(/[Tt]ry again/);
  });
});
