/**
 * Zapier's HTTP under the core: the app's `_send` built on `z.request` (so Zapier's logging, secret scrubbing
 * and auth refresh apply), the `afterResponse` step that reads Withings' HTTP-200 bodies, and the one place
 * that turns whatever a run throws into one of Zapier's errors.
 */
import type { Bundle, HttpResponse, ZObject } from "zapier-platform-core";
import { HttpStatusError, type Send } from "../../../hosts/kit";
import { WithingsError } from "../../../common/errors";
import { retryPolicyFromEnv, type RetryPolicy } from "../../../common/transport";
import { statusFamily } from "../../../common/codes/status";

/** How long Zapier should wait before running a step again after Withings' rate limit (per minute, per app). */
export const THROTTLE_DELAY_SECONDS = 60;

export const MESSAGES = {
  expired: "The Withings access token has expired. Zapier refreshes it and tries again.",
  throttled: "Withings' rate limit was reached (120 requests per minute for this integration, all users together). "
    + "Zapier tries again in a minute.",
  deadRefresh: "Withings no longer accepts this connection (its refresh token was revoked, replaced or is over a "
    + "year old). Reconnect your Withings account in Zapier.",
} as const;

/**
 * A Zapier error thrown inside `z.request` (by `afterResponse` or Zapier's own middleware), carried through the
 * core unchanged: the core passes a WithingsError through and retries it only when it is a rate limit.
 */
export class ZapierHostError extends WithingsError {
  override name = "ZapierHostError";
  constructor(readonly original: Error, status: number, family: "auth" | "rate_limited" | "response") {
    super(original.message, status, family);
  }
}

const ZAPIER_ERRORS = ["RefreshAuthError", "ExpiredAuthError", "ThrottledError", "HaltedError", "Error", "ResponseError"];

function carry(z: ZObject, err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const errors = z.errors as unknown as Record<string, new (...a: any[]) => Error>;
  const zapierClass = ZAPIER_ERRORS.find((name) => errors[name] && err instanceof errors[name]);
  if (!zapierClass) return err;
  if (zapierClass === "ThrottledError") return new ZapierHostError(err, 601, "rate_limited");
  if (zapierClass === "RefreshAuthError" || zapierClass === "ExpiredAuthError") return new ZapierHostError(err, 401, "auth");
  return new ZapierHostError(err, 0, "response");
}

/** `_send` over `z.request`: one form-encoded POST, the body text back; the core parses and checks it. */
export function zapierSend(z: ZObject): Send {
  return async ({ url, headers, body, timeoutMs }) => {
    let res: HttpResponse;
    try {
      res = await z.request({
        url, method: "POST", headers, body, skipThrowForStatus: true, ...(timeoutMs ? { timeout: timeoutMs } : {}),
      });
    } catch (err) {
      throw carry(z, err);
    }
    if (res.status < 200 || res.status >= 300) throw new HttpStatusError(res.status, "");
    return res.content;
  };
}

/**
 * The core's retries, kept inside Zapier's 30 s per step: at most two more attempts, short waits, 5 s per
 * attempt (Withings normally answers within a second or two), so one call gives up after about 17 s.
 * Environment overrides (the tests' millisecond waits) still apply when they are shorter.
 */
export function zapierRetryPolicy(): RetryPolicy {
  const env = retryPolicyFromEnv();
  return {
    retries: Math.min(env.retries, 2),
    baseDelayMs: Math.min(env.baseDelayMs, 1000),
    maxDelayMs: Math.min(env.maxDelayMs, 4000),
    timeoutMs: Math.min(env.timeoutMs ?? 5000, 5000),
  };
}

/** The app methods a Zapier run replaces. */
export function appOverrides(z: ZObject): Record<string, unknown> {
  return { _send: zapierSend(z), _retryPolicy: zapierRetryPolicy };
}

function header(headers: unknown, name: string): string {
  if (!headers || typeof headers !== "object") return "";
  const h = headers as Record<string, unknown> & { get?: (n: string) => string | null };
  if (typeof h.get === "function") return h.get(name) ?? "";
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key ? String(h[key] ?? "") : "";
}

/**
 * `afterResponse`: Withings answers HTTP 200 with the outcome in the body's `status`. A data call's 401 means the
 * access token expired (Zapier's `autoRefresh` refreshes on RefreshAuthError), 601 is the rate limit, and a
 * refresh that Withings refuses means the connection is dead. Every other status goes on to the core, which
 * builds the message that says what to do (and retries 522).
 */
export function withingsStatus(response: HttpResponse, z: ZObject, _bundle: Bundle): HttpResponse {
  let status: unknown;
  try {
    status = (JSON.parse(response.content) as { status?: unknown } | null)?.status;
  } catch {
    return response;
  }
  if (typeof status !== "number" || status === 0) return response;
  const request = response.request as { headers?: unknown; body?: unknown };
  const form = new URLSearchParams(typeof request.body === "string" ? request.body : "");
  const bearer = /^Bearer\s/i.test(header(request.headers, "authorization"));
  if (status === 401 && bearer) throw new z.errors.RefreshAuthError(MESSAGES.expired);
  if (status === 601) throw new z.errors.ThrottledError(MESSAGES.throttled, THROTTLE_DELAY_SECONDS);
  if (form.get("action") === "requesttoken" && form.get("grant_type") === "refresh_token") {
    const family = statusFamily(status);
    if (family === "invalid_params" || family === "auth" || family === "unauthorized") {
      throw new z.errors.ExpiredAuthError(MESSAGES.deadRefresh);
    }
  }
  return response;
}

/**
 * What Zapier gets when a run fails: the Zapier error `afterResponse` threw, else the core's error with its
 * message (secret-free, and free of health values: the core builds it from the status and Withings' text).
 */
export function toZapierError(z: ZObject, err: unknown): Error {
  if (err instanceof ZapierHostError) return err.original;
  if (err instanceof WithingsError) {
    if (err.status === 401) return new z.errors.RefreshAuthError(MESSAGES.expired);
    if (err.family === "rate_limited") return new z.errors.ThrottledError(MESSAGES.throttled, THROTTLE_DELAY_SECONDS);
    return new z.errors.Error(err.message, err.name, err.status || undefined);
  }
  const e = err as { name?: string; message?: string };
  if (e?.name === "ConfigurationError" || e?.name === "InputError") {
    return new z.errors.Error(String(e.message), "InvalidInput", 400);
  }
  if (err instanceof Error) {
    const errors = z.errors as unknown as Record<string, new (...a: any[]) => Error>;
    if (ZAPIER_ERRORS.some((name) => errors[name] && err instanceof errors[name])) return err;
    return new z.errors.Error(err.message);
  }
  return new z.errors.Error(String(err));
}

/** Runs `fn` and turns what it throws into a Zapier error. */
export async function guarded<T>(z: ZObject, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toZapierError(z, err);
  }
}
