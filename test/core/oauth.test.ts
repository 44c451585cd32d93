import { createHmac } from "node:crypto";
import { buildAuthorizationUrl, parseRedirect, sign, tokenRequestFields, verifyState } from "../../common/oauth";
import { mockWithings, resetHttp } from "../helpers/http";
import { appInstance } from "../helpers/context";

afterEach(resetHttp);

describe("OAuth helpers", () => {
  it("builds the authorization URL with comma-separated scopes, a random state and demo mode", () => {
    const a = buildAuthorizationUrl({ authorizeUrl: "https://account.withings.com/oauth2_user/authorize2", clientId: "cid",
      redirectUri: "https://example.com/cb", scopes: ["user.metrics", "user.activity"], demo: true });
    const b = buildAuthorizationUrl({ authorizeUrl: "https://account.withings.com/oauth2_user/authorize2", clientId: "cid",
      redirectUri: "https://example.com/cb" });
    const u = new URL(a.url);
    expect(u.origin + u.pathname).toBe("https://account.withings.com/oauth2_user/authorize2");
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: "code", client_id: "cid", state: a.state, scope: "user.metrics,user.activity",
      redirect_uri: "https://example.com/cb", mode: "demo",
    });
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.state).not.toBe(b.state);
    expect(new URL(b.url).searchParams.has("mode")).toBe(false);
  });

  it("checks the returned state exactly", () => {
    expect(verifyState("abc123", "abc123")).toBe(true);
    expect(verifyState("abc123", "abc124")).toBe(false);
    expect(verifyState("abc123", "abc12")).toBe(false);
    expect(verifyState("abc123", null)).toBe(false);
    expect(parseRedirect("https://example.com/cb?code=xyz&state=s1")).toEqual({ code: "xyz", state: "s1", error: undefined });
  });

  it("signs the sorted values of action, client_id and nonce or timestamp, and nothing else", () => {
    const expected = createHmac("sha256", "secret").update("getnonce,cid,1795156920").digest("hex");
    expect(sign("secret", { action: "getnonce", client_id: "cid", timestamp: 1795156920 })).toBe(expected);
    expect(sign("secret", { action: "revoke", client_id: "cid", nonce: "n1" }))
      .toBe(createHmac("sha256", "secret").update("revoke,cid,n1").digest("hex"));
  });

  it("builds the four requesttoken variants", () => {
    expect(tokenRequestFields("cid", { grant: "authorization_code", code: "c", redirectUri: "https://e/cb" }, { clientSecret: "s" }))
      .toEqual({ action: "requesttoken", client_id: "cid", grant_type: "authorization_code", client_secret: "s", code: "c", redirect_uri: "https://e/cb" });
    expect(tokenRequestFields("cid", { grant: "refresh_token", refreshToken: "r" }, { nonce: "n", signature: "sig" }))
      .toEqual({ action: "requesttoken", client_id: "cid", grant_type: "refresh_token", nonce: "n", signature: "sig", refresh_token: "r" });
  });
});

describe("app OAuth methods over HTTP", () => {
  const tokens = { status: 0, body: { userid: 363, access_token: "at_new_1", refresh_token: "rt_new_1", expires_in: 10800,
    scope: "user.metrics,user.activity", csrf_token: "csrf", token_type: "Bearer" } };

  it("exchanges a code with the client secret, without a Bearer header, and unwraps the token body", async () => {
    const http = mockWithings([{ path: "/v2/oauth2", body: tokens }]);
    const body = await appInstance().exchangeCode({ clientId: "cid", clientSecret: "cs", code: "code1", redirectUri: "https://e/cb" });
    expect(body).toMatchObject({ userid: "363", access_token: "at_new_1", refresh_token: "rt_new_1", expires_in: 10800 });
    expect(http.requests[0].headers.authorization).toBeUndefined();
    expect(http.requests[0].form).toEqual({ action: "requesttoken", client_id: "cid", grant_type: "authorization_code",
      client_secret: "cs", code: "code1", redirect_uri: "https://e/cb" });
  });

  it("refreshes with a nonce and signature instead of the secret", async () => {
    const http = mockWithings([
      { path: "/v2/signature", body: { status: 0, body: { nonce: "nonce-1" } } },
      { path: "/v2/oauth2", body: tokens },
    ]);
    await appInstance().refreshToken({ clientId: "cid", clientSecret: "cs", refreshToken: "rt_old", useSignature: true });
    const [nonceReq, tokenReq] = http.requests;
    expect(nonceReq.form).toMatchObject({ action: "getnonce", client_id: "cid" });
    expect(nonceReq.form.signature).toBe(sign("cs", { action: "getnonce", client_id: "cid", timestamp: Number(nonceReq.form.timestamp) }));
    expect(tokenReq.form).toEqual({ action: "requesttoken", client_id: "cid", grant_type: "refresh_token", nonce: "nonce-1",
      signature: sign("cs", { action: "requesttoken", client_id: "cid", nonce: "nonce-1" }), refresh_token: "rt_old" });
    expect(JSON.stringify(http.requests)).not.toContain("client_secret");
  });

  it("revokes with a fresh signed nonce", async () => {
    const http = mockWithings([
      { path: "/v2/signature", body: { status: 0, body: { nonce: "nonce-2" } } },
      { path: "/v2/oauth2", body: { status: 0, body: {} } },
    ]);
    await appInstance().revokeAccess({ clientId: "cid", clientSecret: "cs", userid: "363" });
    expect(http.requests[1].form).toEqual({ action: "revoke", client_id: "cid", nonce: "nonce-2", userid: "363",
      signature: sign("cs", { action: "revoke", client_id: "cid", nonce: "nonce-2" }) });
  });
});
