import {
  errorFromStatus, redact, redactDeep, WithingsError, WithingsRateLimitError, WithingsResponseError, WithingsTimeoutError,
} from "./errors";
import type { Envelope, FormFields } from "./types";

export const DEFAULT_BASE_URL = "https://wbsapi.withings.net";
export const DEFAULT_AUTHORIZE_URL = "https://account.withings.com/oauth2_user/authorize2";

export interface RetryPolicy {
  /** Extra attempts after the first one, for 601 (rate limit) and 522 (timeout) only. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long one attempt may take before it is abandoned and retried like a 522. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Withings normally answers within a second or two. 10 s per attempt is generous, and a call that keeps
 * timing out fails in about a minute (four attempts plus backoff) instead of hanging until the platform
 * kills the step.
 */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 2000, maxDelayMs: 20000, timeoutMs: DEFAULT_TIMEOUT_MS };

/** Reads overrides from the environment so the simulator and tests can shorten waits without code edits. */
export function retryPolicyFromEnv(env: Record<string, string | undefined> = process.env): RetryPolicy {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== "" && Number.isFinite(+v) ? +v : d);
  return {
    retries: num(env.WITHINGS_RETRIES, DEFAULT_RETRY.retries),
    baseDelayMs: num(env.WITHINGS_RETRY_BASE_MS, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: num(env.WITHINGS_RETRY_MAX_MS, DEFAULT_RETRY.maxDelayMs),
    timeoutMs: Math.max(1, num(env.WITHINGS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS)),
  };
}

/** `https://wbsapi.withings.net`, or an override (the local simulator, Withings' US medical cloud). */
export function resolveBaseUrl(explicit?: string, env: Record<string, string | undefined> = process.env): string {
  const url = explicit || env.WITHINGS_API_URL || DEFAULT_BASE_URL;
  return url.replace(/\/+$/, "");
}

/** Form-encodes fields: drops undefined/null, joins arrays with commas, stringifies the rest. */
export function toForm(fields: FormFields): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    form.append(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  return form.toString();
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Exponential backoff with a little jitter, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const base = policy.baseDelayMs * 2 ** attempt;
  return Math.min(policy.maxDelayMs, base + Math.floor(Math.random() * policy.baseDelayMs * 0.25));
}

/**
 * Unwraps one Withings response. Withings answers HTTP 200 even on failure, so the outcome is the
 * `status` in the JSON body; a body that is not that envelope is an error too.
 */
export function unwrap<T>(data: unknown, action: string, secrets: readonly (string | undefined)[]): T {
  let parsed = data;
  if (typeof parsed === "string") {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      throw new WithingsResponseError(`Withings ${action} returned a response that is not JSON. Try again later.`,
        0, "response", action);
    }
  }
  const env = parsed as Envelope<T> | null;
  if (!env || typeof env !== "object" || typeof env.status !== "number") {
    throw new WithingsResponseError(`Withings ${action} returned an unexpected response (no status). Try again later.`,
      0, "response", action);
  }
  if (env.status === 0) return (env.body ?? {}) as T;
  throw errorFromStatus(env.status, env.error, action, secrets);
}

/** Turns an HTTP-level failure (non-2xx, network) into a WithingsError without leaking secrets. */
export function httpFailure(err: unknown, action: string, secrets: readonly (string | undefined)[]): WithingsError {
  if (err instanceof WithingsError) return err;
  const e = err as { response?: { status?: number }; message?: string; code?: string };
  const httpStatus = e?.response?.status;
  if (!httpStatus && (e?.code === "ECONNABORTED" || e?.code === "ETIMEDOUT")) return timeoutError(action);
  if (httpStatus === 429) {
    return new WithingsRateLimitError(`Withings ${action} failed with HTTP 429. Withings rate limit reached `
      + "(120 requests per minute per app). Wait a minute and try again.", 601, "rate_limited", action);
  }
  const what = httpStatus ? `HTTP ${httpStatus}` : (e?.code ?? "a network error");
  const detail = redact(String(e?.message ?? ""), secrets).slice(0, 300);
  return new WithingsResponseError(`Withings ${action} failed with ${what}${detail ? ` (${detail})` : ""}. `
    + "Try again later.", httpStatus ?? 0, "http", action);
}

function timeoutError(action: string, ms?: number): WithingsTimeoutError {
  const after = ms ? ` within ${ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`}` : "";
  return new WithingsTimeoutError(`Withings ${action} did not answer${after}. Withings timed out. `
    + "Try again in a few seconds; if it keeps happening, check https://status.withings.com.", 0, "timeout", action);
}

/** Runs one attempt, abandoning it (and aborting the request) once `ms` have passed. */
async function withDeadline(send: (signal: AbortSignal) => Promise<unknown>, ms: number, action: string): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timeoutError(action, ms));
    }, ms);
  });
  try {
    return await Promise.race([send(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The `$` handed to platform axios. On an HTTP error it exports the raw response as `debug` when the step
 * has a context (as on Pipedream) before any of our code runs; this one redacts whatever is exported, and
 * never falls back to platform axios' console logging.
 */
export function redactingStep($: unknown, secrets: readonly (string | undefined)[]): { context?: unknown; export(k: string, v: unknown): void } {
  const step = ($ ?? {}) as { context?: unknown; export?: (k: string, v: unknown) => void };
  return {
    context: step.context,
    export(key: string, value: unknown) {
      if (typeof step.export === "function") step.export(key, redactDeep(value, secrets));
    },
  };
}

/**
 * Sends one request through `send` (which returns the parsed response data), unwraps the envelope,
 * and retries 601, 522 and attempts that outlive `retry.timeoutMs` with backoff. Any other failure is
 * thrown at once.
 */
export async function callWithings<T>(
  send: (signal: AbortSignal) => Promise<unknown>,
  { action, secrets, retry = DEFAULT_RETRY }: { action: string; secrets: readonly (string | undefined)[]; retry?: RetryPolicy },
): Promise<T> {
  const sleep = retry.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let error: WithingsError;
    try {
      return unwrap<T>(await withDeadline(send, retry.timeoutMs ?? DEFAULT_TIMEOUT_MS, action), action, secrets);
    } catch (err) {
      error = httpFailure(err, action, secrets);
    }
    if (!error.retryable || attempt >= retry.retries) throw error;
    await sleep(backoffMs(attempt, retry));
  }
}
