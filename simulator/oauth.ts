import { constantTimeEqual, SCOPES, sign } from "../common/oauth";
import { invalidParams, type Params } from "./http-util";
import { randomToken } from "./random";
import type { SimClock } from "./types";

/**
 * OAuth 2.0 and request signing as Withings does them: a 30 s single-use code, 3 h access tokens,
 * refresh-token rotation (the old refresh token lives until the new access token is first used or
 * 8 h pass), HMAC-signed nonces valid 30 min and usable once.
 */

export { SCOPES };
export const CODE_TTL = 30;
export const ACCESS_TTL = 10_800;
export const REFRESH_TTL = 365 * 86_400;
export const OLD_REFRESH_GRACE = 8 * 3600;
export const NONCE_TTL = 1800;
export const TIMESTAMP_SKEW = 600;

export interface RegisteredClient { clientId: string; clientSecret: string; redirectUris: string[] }
interface Grant { userid: string; clientId: string; scopes: string[]; expiresAt: number }
interface AccessToken extends Grant { used: boolean; revoked: boolean }
interface RefreshToken extends Grant { revoked: boolean; supersededAt?: number; successors: string[] }
interface Code extends Grant { redirectUri: string; used: boolean }

export interface TokenPair { access_token: string; refresh_token: string; userid: string; expires_in: number; scope: string }

export class OAuth {
  private codes = new Map<string, Code>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();
  private nonces = new Map<string, { clientId: string; expiresAt: number; used: boolean }>();
  /** Called when a user revokes the app: subscriptions go too. */
  onRevoke: (clientId: string, userid: string) => void = () => undefined;

  constructor(private clock: SimClock, readonly client: RegisteredClient, private demoUserId: string) {}

  // ---- authorize -----------------------------------------------------------------------------
  /** Validates an authorize request and returns the redirect location (no login page: the demo user consents). */
  authorize(p: Params): string {
    if (p.response_type !== "code") throw invalidParams("response_type must be code");
    if (p.client_id !== this.client.clientId) throw invalidParams("invalid client_id");
    if (!p.redirect_uri || !this.client.redirectUris.includes(p.redirect_uri)) throw invalidParams("redirect_uri is not registered for this app");
    if (!p.state) throw invalidParams("missing state");
    const scopes = parseScopes(p.scope);
    const code = randomToken();
    this.codes.set(code, {
      userid: this.demoUserId, clientId: p.client_id, scopes, redirectUri: p.redirect_uri,
      expiresAt: this.clock.now() + CODE_TTL, used: false,
    });
    const url = new URL(p.redirect_uri);
    url.searchParams.set("code", code);
    url.searchParams.set("state", p.state);
    return url.toString();
  }

  // ---- /v2/oauth2 ----------------------------------------------------------------------------
  oauth2(action: string, p: Params): unknown {
    if (action === "requesttoken") return this.requestToken(p);
    if (action === "revoke") {
      this.checkSigned(p);
      if (!p.userid) throw invalidParams("missing userid");
      this.revokeUser(p.client_id, String(p.userid));
      return {};
    }
    if (action === "getdemoaccess") {
      this.checkSigned(p);
      const pair = this.issue(this.demoUserId, parseScopes(p.scope_oauth2));
      return { access_token: pair.access_token, refresh_token: pair.refresh_token, expires_in: pair.expires_in };
    }
    return undefined;
  }

  private requestToken(p: Params): unknown {
    if (p.client_id !== this.client.clientId) throw invalidParams("invalid client id/secret");
    if (p.client_secret !== undefined) {
      if (!constantTimeEqual(this.client.clientSecret, p.client_secret)) throw invalidParams("invalid client id/secret");
    } else if (p.signature !== undefined || p.nonce !== undefined) {
      this.checkSigned(p);
    } else {
      throw invalidParams("missing client_secret or signature");
    }
    const now = this.clock.now();
    let pair: TokenPair;
    if (p.grant_type === "authorization_code") {
      const code = p.code ? this.codes.get(p.code) : undefined;
      if (!code || code.used || now >= code.expiresAt || code.clientId !== p.client_id) throw invalidParams("invalid code");
      if (p.redirect_uri !== code.redirectUri) throw invalidParams("invalid redirect_uri");
      code.used = true;
      pair = this.issue(code.userid, code.scopes);
    } else if (p.grant_type === "refresh_token") {
      const old = p.refresh_token ? this.refresh.get(p.refresh_token) : undefined;
      if (!old || !this.refreshUsable(old) || old.clientId !== p.client_id) throw invalidParams("invalid refresh_token");
      pair = this.issue(old.userid, old.scopes);
      old.supersededAt ??= now;
      old.successors.push(pair.access_token);
    } else {
      throw invalidParams("invalid grant_type");
    }
    return { ...pair, csrf_token: randomToken().slice(0, 32), token_type: "Bearer" };
  }

  private refreshUsable(t: RefreshToken): boolean {
    const now = this.clock.now();
    if (t.revoked || now >= t.expiresAt) return false;
    if (t.supersededAt === undefined) return true;
    if (now >= t.supersededAt + OLD_REFRESH_GRACE) return false;
    return !t.successors.some((a) => this.access.get(a)?.used);
  }

  issue(userid: string, scopes: string[], clientId = this.client.clientId): TokenPair {
    const now = this.clock.now();
    const access_token = randomToken();
    const refresh_token = randomToken();
    this.access.set(access_token, { userid, clientId, scopes, expiresAt: now + ACCESS_TTL, used: false, revoked: false });
    this.refresh.set(refresh_token, { userid, clientId, scopes, expiresAt: now + REFRESH_TTL, revoked: false, successors: [] });
    return { access_token, refresh_token, userid, expires_in: ACCESS_TTL, scope: scopes.join(",") };
  }

  /** The grant behind a Bearer token, or undefined when it is unknown, revoked or expired. Marks it used. */
  authenticate(token: string | undefined): { userid: string; clientId: string; scopes: string[] } | undefined {
    const t = token ? this.access.get(token) : undefined;
    if (!t || t.revoked || this.clock.now() >= t.expiresAt) return undefined;
    t.used = true;
    return t;
  }

  revokeUser(clientId: string, userid: string): void {
    for (const t of this.access.values()) if (t.clientId === clientId && t.userid === userid) t.revoked = true;
    for (const t of this.refresh.values()) if (t.clientId === clientId && t.userid === userid) t.revoked = true;
    this.onRevoke(clientId, userid);
  }

  // ---- signatures ----------------------------------------------------------------------------
  /** `POST /v2/signature action=getnonce`: signed over action, client_id, timestamp. */
  getnonce(p: Params): { nonce: string } {
    if (p.client_id !== this.client.clientId) throw invalidParams("invalid client_id");
    const ts = Number(p.timestamp);
    if (!p.timestamp || !Number.isInteger(ts)) throw invalidParams("missing or invalid timestamp");
    if (Math.abs(ts - this.clock.now()) > TIMESTAMP_SKEW) throw invalidParams("Timestamp too old");
    if (!constantTimeEqual(sign(this.client.clientSecret, { action: "getnonce", client_id: p.client_id, timestamp: p.timestamp }), p.signature)) {
      throw invalidParams("invalid signature");
    }
    const nonce = randomToken();
    this.nonces.set(nonce, { clientId: p.client_id, expiresAt: this.clock.now() + NONCE_TTL, used: false });
    return { nonce };
  }

  /** Checks client_id + nonce + signature over (action, client_id, nonce) and consumes the nonce. */
  private checkSigned(p: Params): void {
    if (p.client_id !== this.client.clientId) throw invalidParams("invalid client_id");
    const n = p.nonce ? this.nonces.get(p.nonce) : undefined;
    if (!n || n.used || this.clock.now() >= n.expiresAt || n.clientId !== p.client_id) throw invalidParams("invalid nonce");
    if (!constantTimeEqual(sign(this.client.clientSecret, { action: p.action, client_id: p.client_id, nonce: p.nonce }), p.signature)) {
      throw invalidParams("invalid signature");
    }
    n.used = true;
  }

}

function parseScopes(scope: string | undefined): string[] {
  if (!scope) throw invalidParams("missing scope");
  if (/\s/.test(scope.trim())) throw invalidParams("scope must be comma-separated");
  const scopes = scope.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown || scopes.length === 0) throw invalidParams(`invalid scope ${unknown ?? ""}`.trim());
  return scopes;
}


