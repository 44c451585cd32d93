import { createHash } from "node:crypto";
import type { JSONValue } from "@pipedream/types";

/** Longest id Pipedream deduplicates on. */
export const MAX_ID_LENGTH = 64;

export interface PolledEvent {
  /** Stable across reads, at most 64 characters. */
  id: string;
  /** The record's own time, unix seconds. */
  time: number;
  summary: string;
  event: JSONValue;
}

/** Joins id parts with "-"; past 64 characters the tail becomes a digest so the id stays stable and short. */
export function boundedId(...parts: Array<string | number>): string {
  const id = parts.join("-");
  if (id.length <= MAX_ID_LENGTH) return id;
  const head = String(parts[0]).slice(0, 20);
  return `${head}-${createHash("sha1").update(id).digest("hex")}`;
}

/** The device part of an id: device id, else model, else "unknown" (external apps have no device id). */
export function deviceKey(deviceid: string | null | undefined, modelid?: number | null): string {
  if (deviceid) return deviceid;
  return modelid === null || modelid === undefined ? "unknown" : `model${modelid}`;
}

/**
 * Oldest first, one event per id (the later read wins), ties broken by id so the order is stable.
 * A record without a usable time is skipped: throwing would stop the source on it forever.
 */
export function orderEvents(events: readonly PolledEvent[]): PolledEvent[] {
  const byId = new Map<string, PolledEvent>();
  for (const e of events) {
    if (!Number.isFinite(e.time)) continue;
    if (e.id.length > MAX_ID_LENGTH) throw new Error(`Event id ${e.id} is longer than ${MAX_ID_LENGTH} characters`);
    byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The `max` most recent events added (by time, ties by id), and only those at or after `from`: what a
 * deploy emits, in memory bounded by `max` however many records the backfill window holds.
 */
export class MostRecent {
  private readonly kept: PolledEvent[] = [];
  constructor(private readonly max: number, private readonly from: number) {}

  add(e: PolledEvent): void {
    if (!(e.time >= this.from) || this.max <= 0) return;
    const i = this.kept.findIndex((k) => k.id === e.id);
    if (i >= 0) this.kept.splice(i, 1);
    this.kept.push(e);
    if (this.kept.length > this.max) {
      // Drop the oldest: one pass over at most max + 1 events.
      const ordered = orderEvents(this.kept);
      const drop = ordered[0];
      this.kept.splice(this.kept.indexOf(drop), 1);
    }
  }

  /** Oldest first. */
  events(): PolledEvent[] {
    return orderEvents(this.kept);
  }
}
