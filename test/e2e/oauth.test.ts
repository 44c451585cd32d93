/** The OAuth flow end to end, through the app's own methods, against the simulator over loopback HTTP. */
import { WithingsAuthError, WithingsError } from "../../common/errors";
import { SCOPES } from "../../common/oauth";
import type { Simulator } from "../../simulator/types";
import { authorize, followRedirect, oauthApp, StateMismatchError, type OAuthApp } from "../../runner/auth";
import { appInstance } from "../../runner/platform";
import { simEndpoints } from "../../runner/targets";
import { APP, startSim } from "./sim-helpers";

let sim: Simulator;
let oauth: OAuthApp;
let client: { clientId: string; clientSecret: string; redirectUri: string };

beforeAll(async () => {
  sim = await startSim({ rateLimitPerMinute: 0 });
  oauth = oauthApp(APP, simEndpoints(sim));
  client = sim.client;
});
afterAll(() => sim.close());

/** Authorization URL → 302 → the code and state that came back. */
async function codeFor(scopes: readonly string[] = SCOPES) {
  const { url, state } = oauth.buildAuthorizationUrl({ clientId: client.clientId, redirectUri: client.redirectUri, scopes });
  const location = new URL(await followRedirect(url));
  return { state, returnedState: location.searchParams.get("state"), code: location.searchParams.get("code")!, location };
}

const exchange = (code: string, useSignature = false) =>
  oauth.exchangeCode({ clientId: client.clientId, clientSecret: client.clientSecret, code, redirectUri: client.redirectUri, useSignature });

/** A data call with the given access token; resolves to the getmeas body. */
function getMeasures(accessToken: string) {
  const withings = appInstance(APP, { oauth_access_token: accessToken, base_url: sim.url }) as any;
  return withings.getMeasures({ category: 1, lastupdate: sim.clock.now() - 86400 });
}

const tokenCalls = () => sim.requests.filter((r) => r.path === "/v2/oauth2").length;

async function rejection(p: Promise<unknown>): Promise<WithingsError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(WithingsError);
  return err as WithingsError;
}

describe("authorization code flow", () => {
  test("happy path: the redirect carries our state and a code that becomes working tokens", async () => {
    const { state, returnedState, code, location } = await codeFor();
    expect(`${location.origin}${location.pathname}`).toBe(client.redirectUri.replace(/\?.*$/, ""));
    expect(oauth.verifyState(state, returnedState)).toBe(true);
    const tokens = await exchange(code);
    expect(String(tokens.userid)).toBe(sim.demoUserId);
    expect(tokens.expires_in).toBe(10800);
    expect(tokens.access_token).not.toBe(tokens.refresh_token);
    const body = await getMeasures(tokens.access_token);
    expect(Array.isArray(body.measuregrps)).toBe(true);
  });

  test("the runner's authorize() walks the same flow and stores nothing without a store", async () => {
    const tokens = await authorize({ app: oauth, ...client, scopes: SCOPES, obtainRedirect: followRedirect });
    expect(tokens.userid).toBe(sim.demoUserId);
    expect(tokens.expires_at - tokens.obtained_at).toBe(10800);
    await expect(getMeasures(tokens.access_token)).resolves.toHaveProperty("measuregrps");
  });

  test("the code can be exchanged with a nonce and signature instead of the client secret", async () => {
    const { code } = await codeFor();
    const tokens = await exchange(code, true);
    await expect(getMeasures(tokens.access_token)).resolves.toHaveProperty("measuregrps");
  });

  test("a code used after 30 seconds is refused, without echoing the code or the secret", async () => {
    const { code } = await codeFor();
    sim.clock.advance(31);
    const err = await rejection(exchange(code));
    expect(err.status).not.toBe(0);
    expect(err.message).not.toContain(code);
    expect(err.message).not.toContain(client.clientSecret);
  });

  test("a code just under 30 seconds old still works", async () => {
    const { code } = await codeFor();
    sim.clock.advance(25);
    await expect(exchange(code)).resolves.toHaveProperty("access_token");
  });

  test("a code is single use", async () => {
    const { code } = await codeFor();
    await exchange(code);
    const err = await rejection(exchange(code));
    expect(err.status).not.toBe(0);
    expect(err.message).not.toContain(code);
  });

  test("a wrong state is refused by verifyState before any token request, and the code stays unspent", async () => {
    const before = tokenCalls();
    let captured: URL | undefined;
    const attempt = authorize({
      app: oauth, ...client, scopes: SCOPES,
      obtainRedirect: async (url) => {
        captured = new URL(await followRedirect(url));
        const forged = new URL(captured);
        forged.searchParams.set("state", `${captured.searchParams.get("state")!.slice(0, -1)}x`);
        return forged.toString();
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(StateMismatchError);
    expect(tokenCalls()).toBe(before);
    // The code was never sent: it still exchanges.
    await expect(exchange(captured!.searchParams.get("code")!)).resolves.toHaveProperty("access_token");
  });

  test("verifyState refuses a missing, shorter or longer state", () => {
    expect(oauth.verifyState("abcdef", undefined)).toBe(false);
    expect(oauth.verifyState("abcdef", null)).toBe(false);
    expect(oauth.verifyState("abcdef", "abcde")).toBe(false);
    expect(oauth.verifyState("abcdef", "abcdefg")).toBe(false);
    expect(oauth.verifyState("abcdef", "abcdef")).toBe(true);
  });
});

describe("refresh token rotation", () => {
  async function freshTokens() {
    return exchange((await codeFor()).code);
  }
  const refresh = (refreshToken: string) =>
    oauth.refreshToken({ clientId: client.clientId, clientSecret: client.clientSecret, refreshToken });

  test("a refresh rotates both tokens; once the new access token is used the old refresh token is refused", async () => {
    const first = await freshTokens();
    const second = await refresh(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await getMeasures(second.access_token);
    const err = await rejection(refresh(first.refresh_token));
    expect(err.message).not.toContain(first.refresh_token);
    // The new refresh token carries on.
    const third = await refresh(second.refresh_token);
    await expect(getMeasures(third.access_token)).resolves.toHaveProperty("measuregrps");
  });

  test("the old refresh token keeps working until the new access token is used", async () => {
    const first = await freshTokens();
    await refresh(first.refresh_token);
    // Not used yet: the safety net lets the old refresh token through once more.
    const again = await refresh(first.refresh_token);
    await expect(getMeasures(again.access_token)).resolves.toHaveProperty("measuregrps");
  });

  test("the old refresh token dies 8 hours after the rotation even if the new token is never used", async () => {
    const first = await freshTokens();
    const second = await refresh(first.refresh_token);
    sim.clock.advance(8 * 3600 + 60);
    await rejection(refresh(first.refresh_token));
    await expect(refresh(second.refresh_token)).resolves.toHaveProperty("access_token");
  });

  test("an access token older than 3 hours is refused with an auth error", async () => {
    const tokens = await freshTokens();
    sim.clock.advance(3 * 3600 + 1);
    const err = await rejection(getMeasures(tokens.access_token));
    expect(err).toBeInstanceOf(WithingsAuthError);
    expect(err.message).not.toContain(tokens.access_token);
  });
});
