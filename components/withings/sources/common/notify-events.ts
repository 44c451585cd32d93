import { createHash } from "node:crypto";
import type { NotifyPayload } from "../../../../common/notify";

/**
 * Events built from the notification itself, for the applis that carry no data to fetch (46 user
 * actions, 50/51 bed in and out). The userid was checked against the connected account before this.
 */

const USER_ACTIONS: Readonly<Record<string, string>> = {
  unlink: "unlinked this app from their Withings account",
  delete: "deleted their Withings account",
  update: "updated their Withings profile",
};

/** Parts joined with "-"; past 64 characters (Pipedream's dedupe limit) the tail becomes a digest. */
export function eventId(...parts: Array<string | number>): string {
  const id = parts.join("-");
  return id.length <= 64 ? id : `${parts[0]}-${createHash("sha1").update(id).digest("hex")}`;
}

/** Unix seconds of `date` when it is an epoch or a `YYYY-MM-DD` day (its UTC midnight), else undefined. */
export function notificationTime(n: NotifyPayload): number | undefined {
  if (n.startdate !== undefined) return n.startdate;
  if (n.date === undefined) return undefined;
  if (/^\d{9,11}$/.test(n.date)) return Number(n.date);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(n.date) ? Date.parse(`${n.date}T00:00:00Z`) : NaN;
  // Date.parse rolls 2026-02-30 over to 2 March: only a real calendar day has a time.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === n.date ? ms / 1000 : undefined;
}

export interface AccountEvent {
  userid: string;
  appli: number;
  action: string;
  description: string;
  date: string | null;
  received_at: number;
  received_at_iso: string;
}

/** One event per user action; a retried delivery of the same post gets the same id. */
export function accountEvent(n: NotifyPayload, receivedMs: number) {
  const action = n.action ?? "unknown";
  const received = Math.floor(receivedMs / 1000);
  const event: AccountEvent = {
    userid: n.userid,
    appli: n.appli,
    action,
    description: USER_ACTIONS[action] ?? `did "${action}" on their Withings account`,
    date: n.date ?? null,
    received_at: received,
    received_at_iso: new Date(received * 1000).toISOString(),
  };
  // A day (`YYYY-MM-DD`) says when, not what time: the event's time is then when it was received.
  const exact = n.startdate ?? (n.date !== undefined && /^\d{9,11}$/.test(n.date) ? Number(n.date) : undefined);
  const time = exact ?? received;
  return {
    event,
    id: eventId("user", n.userid, action, n.date ?? n.startdate ?? received),
    summary: `User ${n.userid} ${event.description}`,
    ts: time * 1000,
  };
}

export interface BedEvent {
  userid: string;
  appli: number;
  in_bed: boolean;
  event: "in_bed" | "out_of_bed";
  deviceid: string | null;
  date: number;
  date_iso: string;
}

/** One event per bed change (appli 50 in bed, 51 out of bed), with the device and time. */
export function bedEvent(n: NotifyPayload, receivedMs: number) {
  const inBed = n.appli === 50;
  const time = notificationTime(n) ?? Math.floor(receivedMs / 1000);
  const event: BedEvent = {
    userid: n.userid,
    appli: n.appli,
    in_bed: inBed,
    event: inBed ? "in_bed" : "out_of_bed",
    deviceid: n.deviceid ?? null,
    date: time,
    date_iso: new Date(time * 1000).toISOString(),
  };
  return {
    event,
    id: eventId("bed", n.appli, n.deviceid ?? "unknown", time),
    summary: `${inBed ? "In bed" : "Out of bed"} at ${event.date_iso.slice(0, 16).replace("T", " ")} UTC`,
    ts: time * 1000,
  };
}
