/**
 * Triggers from the polling sources: a polling trigger and a REST-hook trigger per data type, both reading through
 * the source's own readers (its `readPage` and event builders, run by the polling base), so that a record has the
 * same fields and the same id on Zapier as on Pipedream.
 *
 * Zapier keeps no cursor between polls: a poll runs the source once with a fresh state whose cursor is a sliding
 * window before now, and Zapier's dedupe by `id` keeps each record to one trigger.
 */
import type { Bundle, ZObject } from "zapier-platform-core";
import {
  catalog, describeProps, httpPropName, SourceHost, StateDb, type ComponentLike, type EmittedEvent,
} from "../../../hosts/kit";
import webhook, { instantProps } from "../../../components/withings/sources/common/webhook";
import { parseNotification, type NotifyPayload } from "../../../common/notify";
import { DAY, nowEpoch } from "../../../common/dates";
import { WithingsError } from "../../../common/errors";
import { outputFields, inputField, zapierKey, zapierRecord } from "./fields";
import { appOverrides, guarded } from "./send";
import { APP, authOf, propsFrom } from "./run";
import { NOT_MEDICAL } from "./copy";

/** How far back a poll reads: long enough to cover a paused Zap or a device that syncs a few days late. */
export const POLL_WINDOW = 3 * DAY;
/** How far back the Zap editor looks for sample records. */
export const SAMPLE_WINDOW = 30 * DAY;
/** Zapier triggers at most 100 new items per poll. */
export const MAX_ITEMS = 100;
/** The Zap editor shows three samples. */
export const SAMPLE_ITEMS = 3;
/** Seconds around a notification's `startdate`/`enddate` that still count as the notified records. */
export const NOTIFY_SLACK = 3600;

/**
 * Notification categories of the stethoscope recordings, which have no instant source of their own: a BPM Core
 * records heart sounds with a blood pressure (appli 4) and ECG (appli 54) session. Unconfirmed on a real account.
 */
export const STETHO_APPLIS = [4, 54];

/** Records whose time is a day's start (a day of activity) belong to a notification anywhere in that day. */
const DAY_RECORDS = new Set(["new-daily-activity"]);

/** The polling sources: every source without an HTTP interface. */
export const pollingSlugs = (): string[] => Object.keys(catalog.sources).filter((s) => !httpPropName(catalog.sources[s]));

/** The instant twin of a polling source, or one composed from the shared webhook base when it has none. */
export function instantTwin(slug: string): ComponentLike {
  const existing = catalog.sources[`${slug}-instant`];
  if (existing) return existing;
  const twin = catalog.sources[slug] as ComponentLike & { props: Record<string, unknown>; methods: Record<string, unknown> };
  return {
    ...(webhook as unknown as ComponentLike),
    key: `${twin.key}-instant`,
    type: "source",
    dedupe: twin.dedupe,
    props: instantProps(twin) as Record<string, unknown>,
    methods: { ...twin.methods, ...webhook.methods, notifyApplis: () => [...STETHO_APPLIS] },
  };
}

export interface Window { since: number; now?: number }

/**
 * Runs the polling source once over a window (a fresh state whose cursor is `since`) and returns its events,
 * newest first, at most `limit`.
 */
export async function readWindow(z: ZObject, bundle: Bundle, component: ComponentLike, since: number,
  limit = MAX_ITEMS): Promise<EmittedEvent[]> {
  const events: EmittedEvent[] = [];
  const host = new SourceHost(component, {
    props: propsFrom(component, bundle.inputData as Record<string, unknown>),
    auth: authOf(bundle),
    appOverrides: appOverrides(z),
    db: new StateDb({ db: { cursor: Math.max(0, Math.floor(since)) } }),
    onEmit: (e) => {
      if (!e.duplicate) events.push(e);
    },
  });
  await host.run();
  // Each page is emitted oldest first, but Withings' pages need not be in time order: sort the whole window.
  const time = (e: EmittedEvent) => Number(e.meta.ts ?? 0);
  const byNewest = (a: EmittedEvent, b: EmittedEvent) => time(b) - time(a) || (String(a.meta.id) < String(b.meta.id) ? 1 : -1);
  return events.sort(byNewest).slice(0, limit);
}

const toRecords = (events: EmittedEvent[]) => events.map((e) => zapierRecord(String(e.meta.id), e.event));

/** A polling trigger's perform: the window's records, newest first (three when the editor loads samples). */
export function pollPerform(slug: string) {
  return (z: ZObject, bundle: Bundle) => guarded(z, async () => {
    const sample = !!bundle.meta?.isLoadingSample;
    const since = nowEpoch() - (sample ? SAMPLE_WINDOW : POLL_WINDOW);
    return toRecords(await readWindow(z, bundle, catalog.sources[slug], since, sample ? SAMPLE_ITEMS : MAX_ITEMS));
  });
}

/** The notification Withings posted to the hook URL (form fields, unsigned), or undefined. */
export function notificationOf(bundle: Bundle): NotifyPayload | undefined {
  const b = bundle as Bundle & { rawRequest?: { content?: unknown }; cleanedRequest?: unknown };
  return parseNotification(b.rawRequest?.content) ?? parseNotification(b.cleanedRequest);
}

function applisOf(z: ZObject, bundle: Bundle, slug: string): number[] {
  const instant = instantTwin(slug);
  const host = new SourceHost(instant, {
    props: propsFrom(instant, bundle.inputData as Record<string, unknown>), auth: authOf(bundle), appOverrides: appOverrides(z),
  });
  return host.self.notifyApplis() as number[];
}

/**
 * A hook trigger's perform: checks the post is a notification for this connection and this data type, then reads
 * the notified period through the same readers and returns the records inside it, newest first.
 */
export function hookPerform(slug: string) {
  return (z: ZObject, bundle: Bundle) => guarded(z, async () => {
    const n = notificationOf(bundle);
    if (!n) return [];
    const uid = (bundle.authData as Record<string, unknown> | undefined)?.userid;
    if (uid !== undefined && uid !== null && uid !== "" && String(uid) !== n.userid) return [];
    if (!applisOf(z, bundle, slug).includes(n.appli)) return [];
    const now = nowEpoch();
    const from = n.startdate ?? now - DAY;
    const to = n.enddate ?? now;
    const before = DAY_RECORDS.has(slug) ? DAY : NOTIFY_SLACK;
    const events = await readWindow(z, bundle, catalog.sources[slug], from - NOTIFY_SLACK);
    const inside = events.filter((e) => {
      const t = Number(e.meta.ts) / 1000;
      return !Number.isFinite(t) || (t >= from - before && t <= to + NOTIFY_SLACK);
    });
    return toRecords(inside);
  });
}

export const HOOK_REFUSED = "Withings refused to notify this Zap's hook URL (status {status}). Withings checks the URL "
  + "with an HTTP HEAD request when subscribing and needs a 2xx answer within 2 seconds. Use the polling trigger of the "
  + "same data type instead.";

/** The app's Notify - Subscribe with the comment users see in their Withings subscriptions: this integration's name. */
const subscribeAsZapier = {
  subscribeNotification(this: unknown, args: Record<string, unknown>) {
    return (APP.methods!.subscribeNotification as Function).call(this, { ...args, comment: "Zapier" });
  },
};

/** Subscribes the Zap's hook URL to the data type's notification categories; Zapier keeps what it returns. */
export function hookSubscribe(slug: string) {
  return (z: ZObject, bundle: Bundle) => guarded(z, async () => {
    const instant = instantTwin(slug);
    const host = new SourceHost(instant, {
      props: propsFrom(instant, bundle.inputData as Record<string, unknown>),
      auth: authOf(bundle),
      appOverrides: { ...appOverrides(z), ...subscribeAsZapier },
      http: { endpoint: String(bundle.targetUrl ?? ""), respond() {} },
    });
    try {
      const stored = await host.self.subscribeAll() as { callbackurl: string; applis: number[] };
      return { id: stored.callbackurl, ...stored };
    } catch (err) {
      if (err instanceof WithingsError && err.status >= 293 && err.status <= 295) {
        throw new z.errors.Error(HOOK_REFUSED.replace("{status}", String(err.status)), "HookRefused", 400);
      }
      throw err;
    }
  });
}

/** Revokes what `hookSubscribe` created (a subscription already gone is not an error). */
export function hookUnsubscribe(slug: string) {
  return (z: ZObject, bundle: Bundle) => guarded(z, async () => {
    const instant = instantTwin(slug);
    const host = new SourceHost(instant, {
      props: propsFrom(instant, bundle.inputData as Record<string, unknown>),
      auth: authOf(bundle),
      appOverrides: appOverrides(z),
      http: { endpoint: String(bundle.targetUrl ?? ""), respond() {} },
    });
    const stored = (bundle as Bundle & { subscribeData?: unknown }).subscribeData;
    const { callbackurl, applis } = (stored ?? {}) as { callbackurl?: string; applis?: number[] };
    host.db.set("webhook_subscriptions", {
      callbackurl: callbackurl ?? bundle.targetUrl,
      applis: Array.isArray(applis) ? applis : host.self.notifyApplis(),
    });
    return { revoked: await host.self.revokeAll() };
  });
}

/** "New Measurement" → "Measurement". */
const nounOf = (name: string) => name.replace(/^New\s+/, "");

/** The component's description as Zapier copy: "Triggers …", without the documentation link. */
export function triggerDescription(component: ComponentLike, instant: boolean): string {
  const text = String((component as { description?: string }).description ?? "")
    .replace(/\s*\[See the documentation\]\([^)]*\)/g, "")
    .replace(/^Emit new event/, "Triggers")
    .trim();
  const how = instant
    ? " Instant: Withings notifies Zapier (a REST hook), no polling."
    : " Reads the last few days on every poll; Zapier skips records it has seen.";
  return `${text}${how} ${NOT_MEDICAL}`.slice(0, 1000);
}

/** The trigger definitions, keyed as Zapier keys them. */
export function buildTriggers(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const slug of pollingSlugs()) {
    const component = catalog.sources[slug] as ComponentLike & { sampleEmit?: Record<string, unknown> };
    const name = String(component.name);
    const inputFields = describeProps(component).map((p) => inputField(p));
    const sample = zapierRecord(String(component.sampleEmit?.id ?? "sample"), component.sampleEmit ?? {});
    const fields = outputFields(sample);
    const key = zapierKey(slug);
    out[key] = {
      key,
      noun: nounOf(name),
      display: { label: name, description: triggerDescription(component, false) },
      operation: { type: "polling", perform: pollPerform(slug), inputFields, sample, outputFields: fields, canPaginate: false },
    };
    out[`${key}_instant`] = {
      key: `${key}_instant`,
      noun: nounOf(name),
      display: { label: `${name} (Instant)`, description: triggerDescription(component, true) },
      operation: {
        type: "hook",
        perform: hookPerform(slug),
        performList: pollPerform(slug),
        performSubscribe: hookSubscribe(slug),
        performUnsubscribe: hookUnsubscribe(slug),
        inputFields,
        sample,
        outputFields: fields,
      },
    };
  }
  return out;
}
