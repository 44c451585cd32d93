/**
 * The one thing n8n changes in the Withings core: how a request leaves (the app's `_send`). Everything else
 * (envelope parsing, 601/522 retries, redaction, paging, decoding) is the core's own code.
 */
import type {
  IDataObject,
  IHttpRequestOptions,
  IAllExecuteFunctions,
} from 'n8n-workflow';
import { isExpiredToken, type Auth, type Send } from '../../../../hosts/kit';

export const CREDENTIAL_TYPE = 'withingsOAuth2Api';
export const DEFAULT_API_URL = 'https://wbsapi.withings.net';

/** What every n8n context we run in offers (execute, poll, webhook, hook and load-options functions). */
export type N8nContext = Pick<IAllExecuteFunctions, 'getCredentials'> & {
  helpers: Pick<IAllExecuteFunctions['helpers'], 'httpRequestWithAuthentication' | 'requestWithAuthentication' | 'httpRequest'>;
};

/**
 * Where n8n finds the access token. The stored token data is Withings' raw `{ status, body }` until the
 * first refresh (n8n stores the code exchange's answer as it comes); n8n compares this value with the one
 * it signed with before it refreshes (n8n 2.30+), and the credential keeps `body` in step after a refresh.
 */
export const OAUTH2_OPTIONS = { oauth2: { property: 'body.access_token' } };

/** The status n8n's HTTP helpers throw with, or undefined. */
function thrownStatus(err: unknown): number | undefined {
  const e = err as { httpCode?: unknown; statusCode?: unknown; response?: { status?: unknown } };
  const raw = e?.response?.status ?? e?.statusCode ?? e?.httpCode;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `_send` on n8n's credential machinery. Data calls are signed by n8n with the credential's access token
 * (the core's own Bearer header is dropped). Withings says a token expired with HTTP 200 and `status: 401`
 * in the body, which n8n's modern helper does not look at; so on that answer the same request goes once more
 * through the helper that does inspect a resolved response and refreshes on the credential's token-expired
 * status (200 for Withings). n8n then refreshes under its per-credential lock, stores the rotated refresh
 * token, and repeats the request with the new token.
 */
export function n8nSend(ctx: N8nContext): Send {
  return async ({ url, headers, body, timeoutMs, signal }) => {
    const bearer = /^Bearer /.test(headers.Authorization ?? '');
    const plain: Record<string, string> = { ...headers };
    delete plain.Authorization;
    if (!bearer) {
      // Token and signature calls: the nodes never make them (n8n owns the OAuth flow), but pass them on.
      return ctx.helpers.httpRequest({ method: 'POST', url, headers: plain, body, timeout: timeoutMs, json: false });
    }
    const options: IHttpRequestOptions = {
      method: 'POST',
      url,
      headers: plain,
      body,
      json: false,
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
      ...(signal ? { abortSignal: signal } : {}),
    };
    let answer: unknown;
    try {
      answer = await ctx.helpers.httpRequestWithAuthentication.call(ctx as never, CREDENTIAL_TYPE, options, OAUTH2_OPTIONS);
    } catch (err) {
      // The core turns HTTP failures into typed, secret-free Withings errors from `response.status`.
      // eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- rethrown to the Withings core, which wraps it
      if (thrownStatus(err) !== 401) throw err;
      answer = undefined;
    }
    if (answer !== undefined && !isExpiredToken(answer)) return answer;
    const legacy: Parameters<N8nContext['helpers']['requestWithAuthentication']>[1] = {
      method: 'POST',
      uri: url,
      headers: plain,
      body,
      json: false,
      resolveWithFullResponse: true,
      simple: false,
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
    };
    // The legacy helper is the only one that refreshes an OAuth2 token on a resolved HTTP 200.
    const full = (await ctx.helpers.requestWithAuthentication.call(ctx as never, CREDENTIAL_TYPE, legacy, OAUTH2_OPTIONS)) as {
      statusCode?: number;
      body?: unknown;
    };
    return full && typeof full === 'object' && 'body' in full ? full.body : full;
  };
}

/** Withings' token answer as n8n stored it: wrapped in `body` (first exchange) or lifted (after a refresh). */
function tokenField(data: IDataObject | undefined, key: string): unknown {
  const body = data?.body as IDataObject | undefined;
  return body?.[key] ?? data?.[key];
}

/** The `$auth` the components get: the API URL and the account's userid; the token stays with n8n. */
export async function authOf(ctx: N8nContext): Promise<Auth> {
  const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
  const apiUrl = String(credentials.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const uid = tokenField(credentials.oauthTokenData as IDataObject | undefined, 'userid');
  return {
    // n8n signs every data call itself; the core's Bearer header only marks a call as a data call.
    oauth_access_token: 'n8n-credential',
    base_url: apiUrl,
    ...(uid !== undefined && uid !== null && uid !== '' ? { oauth_uid: String(uid) } : {}),
  };
}

/** The app methods a host replaces: HTTP, and no environment-driven retry settings. */
export function appOverrides(ctx: N8nContext): Record<string, unknown> {
  return { _send: n8nSend(ctx) };
}
