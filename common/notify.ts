import { isIP } from "node:net";
import { NOTIFY_APPLIS } from "./codes/misc";
import { InputError } from "./errors";

/**
 * Pure helpers for Withings notifications: which `appli` codes a source needs, what a callback URL must
 * look like, and the payload Withings posts (form fields, unsigned: a hint to fetch, never data).
 */

/** What Withings posts to a callback. Fields other than `userid` and `appli` depend on the appli. */
export interface NotifyPayload {
  userid: string;
  appli: number;
  startdate?: number;
  enddate?: number;
  /** `YYYY-MM-DD` or unix seconds: the docs disagree, so it is kept as sent. */
  date?: string;
  /** appli 46: `unlink`, `delete` or `update`. */
  action?: string;
  deviceid?: string;
}

const int = (v: unknown): number | undefined => {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  return /^-?\d{1,15}$/.test(s) ? Number(s) : undefined;
};
const text = (v: unknown, max = 200): string | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.length > 0 && v.length <= max ? v : undefined;
};

/** The body as a flat object: a parsed object, a form string, a JSON string, or a Buffer of either. */
function fields(body: unknown): Record<string, unknown> | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string" || Buffer.isBuffer(body)) {
    const raw = String(body).trim();
    if (!raw || raw.length > 10_000) return undefined;
    if (raw.startsWith("{")) {
      try {
        return fields(JSON.parse(raw));
      } catch {
        return undefined;
      }
    }
    return Object.fromEntries(new URLSearchParams(raw));
  }
  if (typeof body !== "object" || Array.isArray(body)) return undefined;
  return body as Record<string, unknown>;
}

/** The notification in a POST body, or undefined when it is not one (no usable `userid` and `appli`). */
export function parseNotification(body: unknown): NotifyPayload | undefined {
  const f = fields(body);
  if (!f) return undefined;
  const userid = int(f.userid);
  const appli = int(f.appli);
  if (userid === undefined || userid <= 0 || appli === undefined || appli <= 0) return undefined;
  const out: NotifyPayload = { userid: String(userid), appli };
  const startdate = int(f.startdate);
  const enddate = int(f.enddate);
  if (startdate !== undefined) out.startdate = startdate;
  if (enddate !== undefined) out.enddate = enddate;
  const date = text(f.date, 32);
  const action = text(f.action, 32);
  const deviceid = text(f.deviceid, 128);
  if (date !== undefined) out.date = date;
  if (action !== undefined) out.action = action;
  if (deviceid !== undefined) out.deviceid = deviceid;
  return out;
}

/** The OAuth scope a subscription to `appli` needs. */
export function appliScope(appli: number): string {
  return NOTIFY_APPLIS.find((a) => a.code === appli)?.scope ?? "user.metrics";
}

/** "Weight and body composition (1)" */
export function appliLabel(appli: number): string {
  const a = NOTIFY_APPLIS.find((x) => x.code === appli);
  return a ? `${a.name} (${a.code})` : `appli ${appli}`;
}

/** appli 4 carries blood pressure, heart rate and SpO2, and Withings' ECG-capable monitors' results. */
const PRESSURE_TYPES = new Set([9, 10, 11, 54, 130, 135, 136, 137, 138, 139]);
/** appli 2 carries temperature; body and skin temperature also come with a weigh-in on some scales. */
const TEMPERATURE_TYPES = new Set([12, 71, 73]);

/**
 * The measurement applis that can announce a group with one of these measure types (all of 1, 2 and 4
 * for no filter). Heart pulse (11) comes with weigh-ins as well as blood pressure, so it needs both.
 */
export function applisForMeasureTypes(types: readonly number[] | undefined): number[] {
  if (!types || types.length === 0) return [1, 2, 4];
  const out = new Set<number>();
  for (const t of types) {
    if (PRESSURE_TYPES.has(t)) out.add(4);
    if (TEMPERATURE_TYPES.has(t)) out.add(2);
    if (t === 11 || t === 71 || t === 73 || (!PRESSURE_TYPES.has(t) && !TEMPERATURE_TYPES.has(t))) out.add(1);
  }
  return [...out].sort((a, b) => a - b);
}

export const MAX_CALLBACK_LENGTH = 255;

/** A trimmed, absolute http(s) URL of at most 255 characters; `empty` is what to say when there is none. */
function parseUrl(raw: unknown, prop: string, empty: string): { value: string; url: URL } {
  if (typeof raw !== "string" || raw.trim() === "") throw new InputError(prop, empty);
  const value = raw.trim();
  if (value.length > MAX_CALLBACK_LENGTH) {
    throw new InputError(prop, `Withings accepts callback URLs of at most ${MAX_CALLBACK_LENGTH} characters (this one has ${value.length}).`);
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InputError(prop, `"${value.slice(0, 80)}" is not a URL; enter e.g. https://example.com/withings/notify.`);
  }
  return { value, url };
}

/**
 * The callback URL of an existing subscription, matched exactly by Withings: any http(s) URL (subscriptions made
 * elsewhere may predate today's rules).
 */
export function parseExistingUrl(raw: unknown, prop: string): string {
  return parseUrl(raw, prop, "enter the callback URL of the subscription.").value;
}

/**
 * Checks a new callback URL against Withings' rules before any request: https, a public host name (not an IP
 * literal or localhost), port 80 or 443, at most 255 characters.
 */
export function checkCallbackUrl(raw: unknown, prop: string): string {
  const { value, url } = parseUrl(raw, prop, "enter the https URL Withings should notify.");
  if (url.protocol !== "https:") throw new InputError(prop, "Withings only calls https:// callback URLs.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) || host === "localhost" || host.endsWith(".localhost") || !host.includes(".")) {
    throw new InputError(prop, "Withings needs a public host name, not an IP address or localhost.");
  }
  if (url.port !== "" && url.port !== "443" && url.port !== "80") {
    throw new InputError(prop, `Withings only calls ports 443 and 80, not ${url.port}.`);
  }
  return value;
}
