import { statusFamily, type StatusFamily } from "./codes/status";

/**
 * Errors raised for Withings failures. Every message says what to do next, keeps Withings'
 * `status` and `error` text, and is redacted of tokens and secrets before it is built.
 */
export class WithingsError extends Error {
  override name = "WithingsError";
  constructor(
    message: string,
    readonly status: number,
    readonly family: StatusFamily | "http" | "response",
    readonly action?: string,
    readonly withingsError?: string,
  ) {
    super(message);
  }
  /** True when the same request may succeed later (rate limit, timeout). */
  get retryable(): boolean {
    return this.family === "rate_limited" || this.family === "timeout";
  }
}
export class WithingsAuthError extends WithingsError {
  override name = "WithingsAuthError";
}
export class WithingsRateLimitError extends WithingsError {
  override name = "WithingsRateLimitError";
}
export class WithingsTimeoutError extends WithingsError {
  override name = "WithingsTimeoutError";
}
export class WithingsInvalidParamsError extends WithingsError {
  override name = "WithingsInvalidParamsError";
}
export class WithingsNotImplementedError extends WithingsError {
  override name = "WithingsNotImplementedError";
}
export class WithingsUnauthorizedError extends WithingsError {
  override name = "WithingsUnauthorizedError";
}
/** The HTTP exchange itself failed: non-2xx, unreadable body, or a paging cursor that did not advance. */
export class WithingsResponseError extends WithingsError {
  override name = "WithingsResponseError";
}

const ADVICE: Record<string, string> = {
  auth: "The Withings access token was rejected. Reconnect your Withings account and try again.",
  rate_limited: "Withings rate limit reached (120 requests per minute per app). Wait a minute and try again.",
  timeout: "Withings timed out. Try again in a few seconds.",
  invalid_params: "Withings rejected the request parameters. Check the values you entered.",
  not_implemented: "Withings does not know this action on this endpoint.",
  unauthorized: "This Withings account or app is not allowed to call this action. Check the granted scopes.",
  bad_state: "Withings reported a bad state. Try again later.",
  error_occurred: "Withings reported an internal error. Try again later; contact Withings support if it persists.",
  unknown: "Withings returned an unexpected status.",
};

/** The one place that decides which error a Withings `status` becomes. */
export function errorFromStatus(status: number, detail: string | undefined, action: string | undefined,
  secrets: readonly (string | undefined)[] = []): WithingsError {
  const family = statusFamily(status);
  const text = detail ? redact(detail, secrets) : undefined;
  const what = action ? `Withings ${action}` : "Withings request";
  const message = `${what} failed with status ${status}${text ? ` (${text})` : ""}. ${ADVICE[family] ?? ADVICE.unknown}`;
  const Cls = {
    auth: WithingsAuthError,
    rate_limited: WithingsRateLimitError,
    timeout: WithingsTimeoutError,
    invalid_params: WithingsInvalidParamsError,
    not_implemented: WithingsNotImplementedError,
    unauthorized: WithingsUnauthorizedError,
  }[family as string] ?? WithingsError;
  return new Cls(message, status, family, action, text);
}

/**
 * Every spelling of a secret that can come back in a response or an error: raw, URL-encoded (both
 * `encodeURIComponent` and form encoding, which also escapes `~` and writes spaces as `+`), and
 * JSON-escaped (also with PHP's `\/`), once or twice.
 */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2),
    json, json.replace(/\//g, "\\/"), JSON.stringify(json).slice(1, -1), JSON.stringify(json.replace(/\//g, "\\/")).slice(1, -1),
  ];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every known secret, in any of its spellings (matched ignoring case, so `%2b` and `%2B` both go),
 * and anything shaped like a bearer token, with a placeholder.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  const forms = secrets.filter((s): s is string => !!s && s.length >= 4).flatMap(secretForms);
  let out = text;
  if (forms.length) out = out.replace(new RegExp(forms.map(escapeRe).join("|"), "gi"), "[redacted]");
  return out.replace(/Bearer(\s|%20|\+)+[A-Za-z0-9._~+/=%\\-]+/gi, "Bearer [redacted]");
}

/** `redact` over every string (and key) of a value, for exports; the value itself is not changed. */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[], seen = new WeakMap<object, unknown>()): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (!value || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(redactDeep(v, secrets, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[redact(k, secrets)] = redactDeep(v, secrets, seen);
  return out;
}

/** A bad user input, named by its prop. Components turn it into Pipedream's ConfigurationError. */
export class InputError extends Error {
  override name = "InputError";
  constructor(readonly prop: string, readonly reason: string) {
    super(`Invalid "${prop}": ${reason}`);
  }
}
