import { buildAuthorizationUrl, credentialValues, DEFAULT_SCOPES, sign, tokenRequestFields, verifyState, type TokenGrant } from "../../../common/oauth";
import { nowEpoch } from "../../../common/dates";
import type { NonceBody, TokenBody } from "../../../common/types";
import type { ClientCredentials, RequestArgs } from "./app-types";

/**
 * The app's OAuth methods: the authorization URL and `state` check, request signing, nonces, and the token
 * calls (code exchange, refresh, revoke). On Pipedream the platform does the OAuth dance and refreshes
 * tokens; these serve the local runner's `auth` command, custom OAuth clients, and the simulator tests.
 */

/** What the OAuth methods use of the app. */
interface OAuthThis {
  oauthEndpoints(): { authorizeUrl: string };
  _makeRequest<T>(args: RequestArgs): Promise<T>;
  getNonce(args: { $?: unknown; clientId: string; clientSecret: string; timestamp?: number }): Promise<string>;
  _requestToken(creds: ClientCredentials, grant: TokenGrant): Promise<TokenBody>;
}

export const oauthMethods = {
  /** Builds the authorization URL (comma scopes, crypto-random `state`, optional `mode=demo`). */
  buildAuthorizationUrl(opts: { clientId: string; redirectUri: string; scopes?: readonly string[]; state?: string;
    demo?: boolean; }): { url: string; state: string } {
    return buildAuthorizationUrl({ authorizeUrl: this.oauthEndpoints().authorizeUrl, scopes: DEFAULT_SCOPES, ...opts });
  },
  verifyState(expected: string, received: string | null | undefined): boolean {
    return verifyState(expected, received);
  },
  sign(clientSecret: string, params: { action: string; client_id: string; nonce?: string; timestamp?: number }): string {
    return sign(clientSecret, params);
  },
  /** Signature v2 - Getnonce: a single-use nonce for a signed call. */
  async getNonce({ $, clientId, clientSecret, timestamp = nowEpoch() }: { $?: unknown; clientId: string;
    clientSecret: string; timestamp?: number; }): Promise<string> {
    const signature = sign(clientSecret, { action: "getnonce", client_id: clientId, timestamp });
    const data = { client_id: clientId, timestamp, signature };
    const body = await this._makeRequest<NonceBody>({
      $, path: "/v2/signature", action: "getnonce", bearer: false, secrets: [clientSecret, ...credentialValues(data)], data,
    });
    return body.nonce;
  },
  async _requestToken(creds: ClientCredentials, grant: TokenGrant): Promise<TokenBody> {
    const { $, clientId, clientSecret, useSignature } = creds;
    let auth: { clientSecret: string } | { nonce: string; signature: string } = { clientSecret };
    if (useSignature) {
      const nonce = await this.getNonce({ $, clientId, clientSecret });
      auth = { nonce, signature: sign(clientSecret, { action: "requesttoken", client_id: clientId, nonce }) };
    }
    const { action, ...data } = tokenRequestFields(clientId, grant, auth);
    // Everything the form carries as a credential (the signature and nonce too, when signed), and the secret
    // itself even when only its signature is sent.
    const secrets = [clientSecret, ...credentialValues(data)];
    const body = await this._makeRequest<TokenBody>({
      $, path: "/v2/oauth2", action: String(action), data, bearer: false, secrets,
    });
    // Withings documents userid as a number but also sends strings; keep one type.
    return { ...body, userid: String(body.userid) };
  },
  /** OAuth2 - Requesttoken with `grant_type=authorization_code` (the code lives 30 s: call at once). */
  exchangeCode(creds: ClientCredentials & { code: string; redirectUri: string }): Promise<TokenBody> {
    return this._requestToken(creds, { grant: "authorization_code", code: creds.code, redirectUri: creds.redirectUri });
  },
  /** OAuth2 - Requesttoken with `grant_type=refresh_token`; the response carries a new refresh token. */
  refreshToken(creds: ClientCredentials & { refreshToken: string }): Promise<TokenBody> {
    return this._requestToken(creds, { grant: "refresh_token", refreshToken: creds.refreshToken });
  },
  /** OAuth2 - Revoke: ends the app's access for a user (signed call). */
  async revokeAccess({ $, clientId, clientSecret, userid }: ClientCredentials & { userid: string | number }): Promise<void> {
    const nonce = await this.getNonce({ $, clientId, clientSecret });
    const signature = sign(clientSecret, { action: "revoke", client_id: clientId, nonce });
    const data = { client_id: clientId, nonce, signature, userid };
    await this._makeRequest({
      $, path: "/v2/oauth2", action: "revoke", bearer: false, secrets: [clientSecret, ...credentialValues(data)], data,
    });
  },
} satisfies ThisType<OAuthThis> & Record<string, unknown>;
