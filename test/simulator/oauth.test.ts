import { startSimulator, type Simulator } from "../../simulator";
import { NOW, authorize, call, nonce, sign } from "./helpers";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ now: NOW, frozenClock: true, emptyDemoUser: true });
});
afterEach(() => sim.close());

const codeGrant = (code: string) => ({
  action: "requesttoken", grant_type: "authorization_code", client_id: sim.client.clientId,
  client_secret: sim.client.clientSecret, code, redirect_uri: sim.client.redirectUri,
});
const refreshGrant = (refresh_token: string) => ({
  action: "requesttoken", grant_type: "refresh_token", client_id: sim.client.clientId,
  client_secret: sim.client.clientSecret, refresh_token,
});
const getmeas = (token: string) => call(sim, "/measure", { action: "getmeas", category: 1 }, token);

describe("authorize", () => {
  it("redirects to the registered URI with a code and the same state", async () => {
    const { code, state, location } = await authorize(sim, { mode: "demo" });
    expect(`${location.origin}${location.pathname}`).toBe(sim.client.redirectUri);
    expect(state).toBe("st-123");
    expect(code).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    [{ scope: "user.info user.metrics" }, /comma-separated/],
    [{ redirect_uri: "https://evil.example.com/cb" }, /redirect_uri/],
    [{ response_type: "token" }, /response_type/],
    [{ client_id: "nope" }, /client_id/],
    [{ state: "" }, /state/],
  ])("refuses %j", async (extra, message) => {
    const q = new URLSearchParams({
      response_type: "code", client_id: sim.client.clientId, redirect_uri: sim.client.redirectUri,
      scope: "user.metrics", state: "s", ...extra,
    });
    const res = await fetch(`${sim.url}/oauth2_user/authorize2?${q}`, { redirect: "manual" });
    expect(res.status).toBe(200);
    const env = (await res.json()) as { status: number; error: string };
    expect(env.status).toBe(503);
    expect(env.error).toMatch(message);
  });
});

describe("requesttoken", () => {
  it("exchanges a code once, with the client secret", async () => {
    const { code } = await authorize(sim);
    const r = await call(sim, "/v2/oauth2", codeGrant(code));
    expect(r.status).toBe(0);
    expect(r.body).toMatchObject({ userid: sim.demoUserId, expires_in: 10800, token_type: "Bearer", scope: "user.info,user.metrics,user.activity" });
    expect((await getmeas(r.body.access_token)).status).toBe(0);
    const again = await call(sim, "/v2/oauth2", codeGrant(code));
    expect(again).toEqual({ status: 503, body: {}, error: "Invalid Params: invalid code" });
  });

  it("refuses a code older than 30 s", async () => {
    const { code } = await authorize(sim);
    sim.clock.advance(30);
    expect((await call(sim, "/v2/oauth2", codeGrant(code))).error).toBe("Invalid Params: invalid code");
  });

  it("accepts a code 29 s old", async () => {
    const { code } = await authorize(sim);
    sim.clock.advance(29);
    expect((await call(sim, "/v2/oauth2", codeGrant(code))).status).toBe(0);
  });

  it("refuses a wrong secret, a wrong redirect_uri and an unknown grant_type", async () => {
    const { code } = await authorize(sim);
    expect((await call(sim, "/v2/oauth2", { ...codeGrant(code), client_secret: "x" })).error).toBe("Invalid Params: invalid client id/secret");
    expect((await call(sim, "/v2/oauth2", { ...codeGrant(code), redirect_uri: "https://other.example.com" })).error).toMatch(/redirect_uri/);
    expect((await call(sim, "/v2/oauth2", { ...codeGrant(code), grant_type: "password" })).error).toBe("Invalid Params: invalid grant_type");
  });

  it("exchanges a code with a nonce and signature instead of the secret", async () => {
    const { code } = await authorize(sim);
    const n = await nonce(sim);
    const { clientId, clientSecret } = sim.client;
    const form = {
      action: "requesttoken", grant_type: "authorization_code", client_id: clientId, nonce: n,
      signature: sign(clientSecret, ["requesttoken", clientId, n]), code, redirect_uri: sim.client.redirectUri,
    };
    const r = await call(sim, "/v2/oauth2", form);
    expect(r.status).toBe(0);
    expect(r.body.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it("refuses a bad signature on requesttoken", async () => {
    const { code } = await authorize(sim);
    const n = await nonce(sim);
    const r = await call(sim, "/v2/oauth2", {
      action: "requesttoken", grant_type: "authorization_code", client_id: sim.client.clientId, nonce: n,
      signature: sign("wrong", ["requesttoken", sim.client.clientId, n]), code, redirect_uri: sim.client.redirectUri,
    });
    expect(r.error).toBe("Invalid Params: invalid signature");
  });
});

describe("token lifetimes and rotation", () => {
  it("expires access tokens after 3 h of simulator time", async () => {
    const t = sim.issueTokens();
    sim.clock.advance(10_799);
    expect((await getmeas(t.access_token)).status).toBe(0);
    sim.clock.advance(1);
    expect(await getmeas(t.access_token)).toEqual({
      status: 401, body: {}, error: "XRequestID: Not provided invalid_token: The access token provided is invalid",
    });
  });

  it("rotates the refresh token; the old one works until the new access token is used", async () => {
    const first = sim.issueTokens();
    const r1 = await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token));
    expect(r1.status).toBe(0);
    expect(r1.body.refresh_token).not.toBe(first.refresh_token);
    // Lost the answer? The old refresh token still works...
    const r2 = await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token));
    expect(r2.status).toBe(0);
    // ...until a new access token is used.
    expect((await getmeas(r2.body.access_token)).status).toBe(0);
    expect((await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token))).error).toBe("Invalid Params: invalid refresh_token");
    // The newest refresh token keeps working, with signature too.
    const n = await nonce(sim);
    const { clientId, clientSecret } = sim.client;
    const r3 = await call(sim, "/v2/oauth2", {
      action: "requesttoken", grant_type: "refresh_token", client_id: clientId, nonce: n,
      signature: sign(clientSecret, ["requesttoken", clientId, n]), refresh_token: r2.body.refresh_token,
    });
    expect(r3.status).toBe(0);
  });

  it("lets the old refresh token die 8 h after the new one was issued", async () => {
    const first = sim.issueTokens();
    expect((await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token))).status).toBe(0);
    sim.clock.advance(8 * 3600 - 1);
    expect((await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token))).status).toBe(0);
    sim.clock.advance(1);
    expect((await call(sim, "/v2/oauth2", refreshGrant(first.refresh_token))).status).toBe(503);
  });
});

describe("getnonce and revoke", () => {
  it("refuses a bad signature and a stale timestamp", async () => {
    const { clientId, clientSecret } = sim.client;
    const ts = sim.clock.now();
    const bad = await call(sim, "/v2/signature", { action: "getnonce", client_id: clientId, timestamp: ts, signature: sign(clientSecret, ["getnonce", clientId, ts + 1]) });
    expect(bad).toEqual({ status: 503, body: {}, error: "Invalid Params: invalid signature" });
    const old = ts - 11 * 60;
    const stale = await call(sim, "/v2/signature", { action: "getnonce", client_id: clientId, timestamp: old, signature: sign(clientSecret, ["getnonce", clientId, old]) });
    expect(stale.error).toBe("Invalid Params: Timestamp too old");
  });

  it("revokes with a signed nonce, refuses the reused nonce, and kills the user's tokens", async () => {
    const { clientId, clientSecret } = sim.client;
    const t = sim.issueTokens();
    const n = await nonce(sim);
    const form = { action: "revoke", client_id: clientId, nonce: n, signature: sign(clientSecret, ["revoke", clientId, n]), userid: sim.demoUserId };
    expect(await call(sim, "/v2/oauth2", form)).toEqual({ status: 0, body: {} });
    expect((await call(sim, "/v2/oauth2", form)).error).toBe("Invalid Params: invalid nonce");
    expect((await getmeas(t.access_token)).status).toBe(401);
    expect((await call(sim, "/v2/oauth2", refreshGrant(t.refresh_token))).status).toBe(503);
  });

  it("expires nonces after 30 min", async () => {
    const { clientId, clientSecret } = sim.client;
    const n = await nonce(sim);
    sim.clock.advance(1800);
    const r = await call(sim, "/v2/oauth2", { action: "revoke", client_id: clientId, nonce: n, signature: sign(clientSecret, ["revoke", clientId, n]), userid: sim.demoUserId });
    expect(r.error).toBe("Invalid Params: invalid nonce");
  });
});
