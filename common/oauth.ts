import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FormFields } from "./types";

/**
 * OAuth 2.0 and request signing for whoever runs outside Pipedream (on Pipedream the platform
 * holds and refreshes the tokens).
 * https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-authorization-url/
 */

export const SCOPES = ["user.info", "user.metrics", "user.activity", "user.sleepevents"] as const;
export const DEFAULT_SCOPES = ["user.metrics", "user.activity"];

/** A crypto-random opaque value for the `state` parameter. */
export function newState(): string {
  return randomBytes(24).toString("base64url");
}

export function buildAuthorizationUrl({ authorizeUrl, clientId, redirectUri, scopes = DEFAULT_SCOPES, state = newState(), demo = false }: {
  authorizeUrl: string; clientId: string; redirectUri: string; scopes?: readonly string[]; state?: string; demo?: boolean;
}): { url: string; state: string } {
  const url = new URL(authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("state", state);
  // Withings wants scopes comma-separated, not space-separated.
  url.searchParams.set("scope", scopes.join(","));
  url.searchParams.set("redirect_uri", redirectUri);
  if (demo) url.searchParams.set("mode", "demo");
  return { url: url.toString(), state };
}

/** Compares two secrets (a state, a signature, a client secret) in constant time. */
export function constantTimeEqual(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Compares the returned `state` with the one we sent, in constant time. */
export function verifyState(expected: string, received: string | null | undefined): boolean {
  return constantTimeEqual(expected, received);
}

/**
 * Withings signature: hex HMAC-SHA256 with the client secret over the values of
 * `action`, `client_id` and `nonce` (or `timestamp` for getnonce), sorted by key, comma-joined.
 * https://developer.withings.com/developer-guide/v3/integration-guide/bulkship-sdk/get-access/sign-your-requests/
 */
export function sign(clientSecret: string, params: { action: string; client_id: string; nonce?: string; timestamp?: number | string }): string {
  const signed: Record<string, string> = { action: params.action, client_id: params.client_id };
  if (params.nonce !== undefined) signed.nonce = String(params.nonce);
  else if (params.timestamp !== undefined) signed.timestamp = String(params.timestamp);
  const message = Object.keys(signed).sort().map((k) => signed[k]).join(",");
  return createHmac("sha256", clientSecret).update(message).digest("hex");
}

export type TokenGrant =
  | { grant: "authorization_code"; code: string; redirectUri: string }
  | { grant: "refresh_token"; refreshToken: string };

/** Form fields of `POST /v2/oauth2 action=requesttoken`, with the client secret or with a nonce and signature. */
export function tokenRequestFields(clientId: string, grant: TokenGrant,
  auth: { clientSecret: string } | { nonce: string; signature: string }): FormFields {
  const fields: FormFields = { action: "requesttoken", client_id: clientId, grant_type: grant.grant };
  if ("clientSecret" in auth) fields.client_secret = auth.clientSecret;
  else Object.assign(fields, { nonce: auth.nonce, signature: auth.signature });
  if (grant.grant === "authorization_code") Object.assign(fields, { code: grant.code, redirect_uri: grant.redirectUri });
  else fields.refresh_token = grant.refreshToken;
  return fields;
}

/** Fields of the OAuth and signature calls that identify or describe the request rather than prove anything. */
export const PUBLIC_TOKEN_FIELDS: readonly string[] = ["action", "client_id", "grant_type", "redirect_uri", "timestamp", "userid"];

/**
 * Every value a token, nonce or revoke request carries as a credential (client secret, code, refresh token,
 * nonce, signature, and any field added later): all but the public ones, so that errors redact them all.
 */
export function credentialValues(fields: FormFields): string[] {
  return Object.entries(fields)
    .filter(([k, v]) => !PUBLIC_TOKEN_FIELDS.includes(k) && v !== undefined && v !== null && v !== "")
    .map(([, v]) => (Array.isArray(v) ? v.join(",") : String(v)));
}

/** Parses the redirect URL the user lands on after authorizing. */
export function parseRedirect(redirectUrl: string): { code?: string; state?: string; error?: string } {
  const u = new URL(redirectUrl);
  return {
    code: u.searchParams.get("code") ?? undefined,
    state: u.searchParams.get("state") ?? undefined,
    error: u.searchParams.get("error") ?? undefined,
  };
}
