import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { ApiError, MESSAGES } from "./http-util";
import type { Change } from "./store";
import type { DeliveryLogEntry, SimClock } from "./types";

/**
 * Notification subscriptions (per user, per appli, per callback URL) and their delivery: form POSTs
 * answered 2xx (well, < 400) within 2 s, retried on Withings' schedule otherwise.
 */

/** Immediate, +10 s, +1 min + ~5 min, +1 h + ~10 min, +4 h + ~15 min (Withings adds random jitter). */
export const WITHINGS_RETRY_DELAYS_MS = [0, 10_000, 360_000, 4_200_000, 15_300_000];
const CALL_TIMEOUT_MS = 2000;
/** Withings answers `expires` with the largest 32-bit timestamp. */
export const NEVER_EXPIRES = 2_147_483_647;

export interface Subscription { clientId: string; userid: string; appli: number; callbackurl: string; comment: string | null }

export class Notifier {
  subs: Subscription[] = [];
  readonly deliveries: DeliveryLogEntry[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(private clock: SimClock, private retryDelaysMs: number[], private allowLoopback: boolean) {}

  /** Throws status 293 when Withings would refuse the URL before even calling it. */
  validateCallback(raw: string): void {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ApiError(293, MESSAGES.callback);
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const loopback = host === "localhost" || host === "127.0.0.1" || host === "::1";
    const localAllowed = this.allowLoopback && loopback;
    const ok = raw.length <= 255
      && (url.protocol === "https:" || (localAllowed && url.protocol === "http:"))
      && (localAllowed || (!isIP(host) && host !== "localhost" && host.includes(".")))
      && (localAllowed || url.port === "" || url.port === "443" || url.port === "80");
    if (!ok) throw new ApiError(293, MESSAGES.callback);
  }

  /** Withings sends a HEAD to the callback at subscribe time and refuses it unless the answer is 2xx. */
  async probe(url: string): Promise<void> {
    this.validateCallback(url);
    const status = await call("HEAD", url).catch(() => 0);
    if (status < 200 || status >= 300) throw new ApiError(293, MESSAGES.callback);
  }

  deliver(change: Change): void {
    this.post(change.userid, change.appli, { startdate: String(change.startdate), enddate: String(change.enddate) });
  }

  /** appli 46: the user unlinked the app, deleted the account or updated the profile. */
  userAction(userid: string, action: "unlink" | "delete" | "update"): void {
    this.post(userid, 46, { date: ymd(this.clock.now()), action });
  }

  /** appli 50 (in bed) or 51 (out of bed) from a Sleep Analyzer. */
  bedEvent(userid: string, inBed: boolean, deviceid: string, date = this.clock.now()): void {
    this.post(userid, inBed ? 50 : 51, { startdate: String(date), enddate: String(date), deviceid });
  }

  /** One form POST to every subscription of this user and appli; the delay runs from now to its first 2xx. */
  private post(userid: string, appli: number, fields: Record<string, string>): void {
    if (this.closed) return;
    const queuedAt = performance.now();
    for (const s of this.subs) {
      if (s.userid !== userid || s.appli !== appli) continue;
      this.schedule(s.callbackurl, { userid, appli: String(appli), ...fields }, 0, queuedAt);
    }
  }

  removeUser(clientId: string, userid: string): void {
    this.subs = this.subs.filter((s) => !(s.clientId === clientId && s.userid === userid));
  }

  private schedule(url: string, form: Record<string, string>, attempt: number, queuedAt: number): void {
    if (attempt >= this.retryDelaysMs.length || this.closed) return;
    this.pending += 1;
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const httpStatus = await call("POST", url, new URLSearchParams(form).toString()).catch(() => undefined);
      const ok = httpStatus !== undefined && httpStatus < 400;
      const entry: DeliveryLogEntry = { callbackurl: url, form, attempt, ok, httpStatus, at: this.clock.now() };
      if (ok) entry.delayMs = performance.now() - queuedAt;
      this.deliveries.push(entry);
      if (!ok) this.schedule(url, form, attempt + 1, queuedAt);
      this.done();
    }, this.retryDelaysMs[attempt]);
    timer.unref();
    this.timers.add(timer);
  }

  private done(): void {
    this.pending -= 1;
    if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
  }

  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t);
      this.done();
    }
    this.timers.clear();
  }
}

const ymd = (epoch: number): string => new Date(epoch * 1000).toISOString().slice(0, 10);

/** One HTTP call with Withings' 2 s patience; resolves with the HTTP status. */
function call(method: "HEAD" | "POST", url: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const send = u.protocol === "https:" ? httpsRequest : httpRequest;
    const headers: Record<string, string | number> = { "user-agent": "withings-simulator" };
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = Buffer.byteLength(body);
    }
    // No complete answer within 2 s counts as a failure, like a slow or dead endpoint.
    const timer = setTimeout(() => req.destroy(new Error("timeout")), CALL_TIMEOUT_MS);
    const req = send(u, { method, headers }, (res) => {
      res.resume();
      res.on("end", () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
      res.on("error", reject);
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
