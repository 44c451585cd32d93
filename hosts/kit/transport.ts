/**
 * HTTP for hosts that are not Pipedream. The app's `_send` is the one method a host replaces; these build
 * one from `fetch`, and wrap any of them with the token refresh every host owes Withings.
 */
import type { SendArgs } from "../../components/withings/common/app-types";

export type Send = (args: SendArgs) => Promise<unknown>;

/** The shape of an HTTP failure that `httpFailure` reads (as axios throws it), without the request. */
export class HttpStatusError extends Error {
  readonly response: { status: number };
  constructor(status: number, statusText: string) {
    super(`Request failed with status code ${status}${statusText ? ` ${statusText}` : ""}`);
    this.response = { status };
  }
}

/** `_send` over `fetch`: the body text back (the core parses and checks the envelope), non-2xx thrown. */
export function fetchSend(fetchImpl: typeof fetch = fetch): Send {
  return async ({ url, headers, body, signal }) => {
    const res = await fetchImpl(url, { method: "POST", headers, body, signal });
    const text = await res.text();
    if (!res.ok) throw new HttpStatusError(res.status, res.statusText);
    return text;
  };
}

/**
 * Where a host keeps its tokens. `refresh(stale)` refreshes (or, when another process already rotated the
 * `stale` token, returns the newer one) and stores the rotated refresh token before it resolves.
 */
export interface TokenSource {
  accessToken(): string | Promise<string>;
  refresh(stale: string): Promise<string>;
}

/** Withings says an access token is dead with `status: 401` in an HTTP 200 body, or (rarely) HTTP 401. */
export function isExpiredToken(answer: unknown): boolean {
  let parsed = answer;
  if (typeof parsed === "string") {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return false;
    }
  }
  return !!parsed && typeof parsed === "object" && (parsed as { status?: unknown }).status === 401;
}

const BEARER = /^Bearer /;

/**
 * Sends with the current access token; when Withings answers that it expired, refreshes once and sends
 * again. Token calls (no Bearer header) pass through untouched.
 */
export function refreshingSend(send: Send, tokens: TokenSource): Send {
  return async (args) => {
    if (!BEARER.test(args.headers.Authorization ?? "")) return send(args);
    const attempt = async (token: string) => {
      const secrets = [...args.secrets, token];
      return send({ ...args, secrets, headers: { ...args.headers, Authorization: `Bearer ${token}` } });
    };
    const token = await tokens.accessToken();
    let answer: unknown;
    try {
      answer = await attempt(token);
    } catch (err) {
      if ((err as { response?: { status?: number } })?.response?.status !== 401) throw err;
      return attempt(await tokens.refresh(token));
    }
    return isExpiredToken(answer) ? attempt(await tokens.refresh(token)) : answer;
  };
}
