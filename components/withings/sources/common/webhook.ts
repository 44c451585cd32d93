import type { JSONValue } from "@pipedream/types";
import withings from "../../withings.app";
import { appliLabel, parseNotification, type NotifyPayload } from "../../../../common/notify";
import { listOf } from "../../../../common/shape";
import type { NotifyListBody, NotifyProfile } from "../../../../common/types";
import { arrivalNow, catchUpMethods, HOOK_KEYS, type Arrival } from "./catch-up";
import { subscribeError } from "./subscribe-error";

/**
 * The shared webhook base of the "(Instant)" sources. Withings posts a form to the source's endpoint when
 * a user has new data; the source answers 200 at once, checks the post is for the connected account, and
 * then reads what changed since its stored cursor with the same code as its polling twin (`processEvents`),
 * so both emit the same events with the same ids. The payload's data is never trusted: it is unsigned.
 */

/** How often a notification run re-checks that Withings still has the subscriptions. */
export const RESUBSCRIBE_CHECK_MS = 24 * 3600_000;
/** Default interval of the safety check (re-subscribe and catch up) when no notification comes. */
export const SAFETY_CHECK_SECONDS = 24 * 3600;

export { arrivalNow, UNVERIFIED_MIN_INTERVAL_MS, type Arrival } from "./catch-up";
const KEYS = HOOK_KEYS;

export interface StoredSubscriptions { callbackurl: string; applis: number[] }

interface Db { get(key: string): unknown; set(key: string, value: unknown): void }

/** What the base's methods see on `this`. */
export interface WebhookThis {
  withings: any;
  db: Db;
  http: { endpoint: string; respond(res: { status: number; headers?: Record<string, string>; body?: unknown }): unknown };
  $emit(event: JSONValue, meta: { id: string; summary: string; ts: number }): unknown;
  /** The polling twin's "what changed since the cursor" (absent on sources that need no API call). */
  processEvents?: (backfill: boolean) => Promise<unknown>;
  notifyApplis(): number[];
  handleNotification(n: NotifyPayload, arrival: Arrival): Promise<unknown>;
  [name: string]: any;
}

/** `props` of an instant source: the app, db and HTTP interface, then its polling twin's own props minus the timer. */
export function instantProps<P extends object>(twin: { props?: P }) {
  const { withings: _app, db: _db, timer: _timer, ...rest } = (twin.props ?? {}) as Record<string, unknown>;
  const own = rest as Omit<NonNullable<P>, "withings" | "db" | "timer">;
  return {
    withings,
    db: "$.service.db" as const,
    http: { type: "$.interface.http" as const, customResponse: true },
    ...own,
    timer: {
      type: "$.interface.timer" as const,
      label: "Safety Check",
      description: "How often to check that Withings still has this source's subscriptions (it drops one after "
        + "repeated failed deliveries) and to catch up on anything missed. Once a day costs about 2 requests.",
      default: { intervalSeconds: SAFETY_CHECK_SECONDS },
    },
  };
}

/** True for an HTTP request event; a timer tick has no method. */
const isHttp = (e: unknown): e is { method: string; body?: unknown; bodyRaw?: unknown } =>
  !!e && typeof e === "object" && typeof (e as { method?: unknown }).method === "string";

const methods: ThisType<WebhookThis> & Record<string, (...args: any[]) => any> = {
  ...catchUpMethods,
  _hookGet(key: keyof typeof KEYS): unknown {
    return this.db.get(KEYS[key]);
  },
  _hookSet(key: keyof typeof KEYS, value: unknown): void {
    this.db.set(KEYS[key], value);
  },
  /** The connected account's Withings userid, when the platform provides it. */
  _connectedUserid(): string | undefined {
    const uid = this.withings?.$auth?.oauth_uid;
    return uid === undefined || uid === null || uid === "" ? undefined : String(uid);
  },
  _respond(status: number): void {
    try {
      void Promise.resolve(this.http.respond({ status, headers: { "content-type": "text/plain" }, body: "" }))
        .catch(() => undefined);
    } catch {
      // An answer that cannot be sent is Withings' retry to make, not a reason to drop the notification.
    }
  },

  /** Subscribes each needed appli to this endpoint, skipping what Withings already has, and stores the list. */
  async subscribeAll(): Promise<StoredSubscriptions> {
    const callbackurl = this.http.endpoint;
    const wanted = this.notifyApplis();
    const existing: NotifyListBody = await this.withings.listNotifications({});
    const have = new Set(listOf<NotifyProfile>(existing, "profiles", "list")
      .filter((p) => p.callbackurl === callbackurl).map((p) => Number(p.appli)));
    const created: number[] = [];
    try {
      for (const appli of wanted) {
        if (have.has(appli)) continue;
        await this.withings.subscribeNotification({ callbackurl, appli, comment: "Pipedream" });
        created.push(appli);
      }
    } catch (err) {
      // Leave nothing half done: what this call created goes again before the error is reported.
      for (const appli of created) await this.withings.revokeNotification({ callbackurl, appli }).catch(() => undefined);
      throw subscribeError(err, wanted.find((a) => !created.includes(a) && !have.has(a)));
    }
    const stored = { callbackurl, applis: wanted };
    this._hookSet("subscriptions", stored);
    this._hookSet("checkedAt", Date.now());
    return stored;
  },
  /** Revokes what `subscribeAll` stored. Never throws: a subscription may already be gone. */
  async revokeAll(): Promise<number> {
    const stored = this._hookGet("subscriptions") as StoredSubscriptions | undefined;
    if (!stored?.callbackurl || !Array.isArray(stored.applis)) return 0;
    let revoked = 0;
    for (const appli of stored.applis) {
      try {
        await this.withings.revokeNotification({ callbackurl: stored.callbackurl, appli });
        revoked++;
      } catch (err) {
        console.log(`Withings ${appliLabel(appli)} subscription not revoked (already gone?): ${(err as Error).message}`);
      }
    }
    this._hookSet("subscriptions", null);
    return revoked;
  },
  /** Re-subscribes when the stored check is older than `maxAgeMs` (Withings may have dropped a subscription). */
  async checkSubscriptions(maxAgeMs: number): Promise<boolean> {
    const at = this._hookGet("checkedAt") as number | undefined;
    if (typeof at === "number" && Date.now() - at < maxAgeMs) return false;
    await this.subscribeAll();
    return true;
  },

  /** What a data source does with a notification for its account: catch up from the cursor. */
  async handleNotification(_n: NotifyPayload, arrival: Arrival): Promise<unknown> {
    return this.catchUp(arrival);
  },
  /**
   * One POST: acknowledged before anything else, then ignored unless it is a notification for this
   * account and one of this source's applis. Returns what was done, for logs and tests.
   */
  async onPost(event: { body?: unknown; bodyRaw?: unknown }): Promise<string> {
    const arrival = arrivalNow();
    this._respond(200);
    const outcome = await this._handlePost(event, arrival);
    // A post this source ignores still hands over a read an earlier invocation owed.
    if (outcome.startsWith("ignored")) {
      const done = await this._pickUpPending(arrival);
      if (done) return `${outcome}; read what was pending: ${done}`;
    }
    return outcome;
  },
  async _handlePost(event: { body?: unknown; bodyRaw?: unknown }, arrival: Arrival): Promise<string> {
    const n = parseNotification(event.body ?? event.bodyRaw) ?? parseNotification(event.bodyRaw);
    if (!n) return "ignored: not a Withings notification";
    if (!this.notifyApplis().includes(n.appli)) return `ignored: appli ${n.appli} is not handled here`;
    const uid = this._connectedUserid();
    if (uid !== undefined && uid !== n.userid) return `ignored: userid ${n.userid} is not the connected account`;
    // The bound only protects the app's request quota: a source that reads nothing (bed, unlink) is not bounded.
    const reads = typeof this.processEvents === "function";
    if (uid === undefined && reads && !this._unverifiedAllowed()) return this._deferUnverified(arrival);
    await this.handleNotification(n, arrival);
    if (typeof this.processEvents === "function") {
      await this.checkSubscriptions(RESUBSCRIBE_CHECK_MS).catch((err: Error) =>
        console.log(`Subscription check failed: ${err.message}`));
    }
    return "handled";
  },
};

const hooks = {
  /** The same bounded backfill as the polling twin. */
  async deploy() {
    const self = this as unknown as WebhookThis;
    if (typeof self.processEvents === "function") await self.processEvents(true);
  },
  async activate() {
    await (this as unknown as WebhookThis).subscribeAll();
  },
  async deactivate() {
    await (this as unknown as WebhookThis).revokeAll();
  },
};

/** Spread into an instant source, then `props: instantProps(twin)`, `methods: { ...twin.methods, ...webhook.methods, notifyApplis }`. */
export default {
  hooks,
  methods,
  async run(event: unknown) {
    const self = this as unknown as WebhookThis;
    if (!isHttp(event)) {
      // The safety check: re-subscribe what Withings dropped, and catch up on anything missed. The catch-up
      // runs whatever the re-subscription does (Withings' notify service may be down while its data is not);
      // a failed re-subscription is still reported, after it.
      const arrival = arrivalNow();
      let failure: unknown;
      try {
        await self.checkSubscriptions(0);
      } catch (err) {
        failure = err;
      }
      if (typeof self.processEvents === "function") {
        try {
          await self.catchUp(arrival);
        } catch (err) {
          if (failure) console.log(`Subscription check failed: ${(failure as Error).message}`);
          throw err;
        }
      }
      if (failure) throw failure;
      return;
    }
    if (event.method.toUpperCase() !== "POST") {
      // Withings checks the URL with HEAD when subscribing; answer it (and a GET) and do nothing else.
      self._respond(200);
      return;
    }
    await self.onPost(event);
  },
};
