import { actionInstance } from "./context";
import { mockWithings, type RecordedRequest } from "./http";
import { seenBefore } from "../../runner/platform";

/** `$.service.db` in memory. Values are stored as JSON, like the platform does. */
export class MemoryDb {
  private readonly data = new Map<string, string>();
  get(key: string): unknown {
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, JSON.stringify(value));
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
  /** Bytes held: every key and its stored JSON. */
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
}

export interface Emitted {
  event: any;
  meta: { id: string; summary: string; ts: number };
}

/**
 * A source instance wired like the platform wires it: its methods and props on `this`, a live app,
 * an in-memory db and an `$emit` recorder. `emitted` is every `$emit` call; `delivered` is what a
 * workflow would receive after `unique` dedupe.
 */
export function sourceHarness(component: any, props: Record<string, unknown> = {}) {
  const db = new MemoryDb();
  const emitted: Emitted[] = [];
  const delivered: Emitted[] = [];
  const recent: string[] = [];
  const self = actionInstance(component, props);
  Object.assign(self, {
    db,
    $emit(event: any, meta: Emitted["meta"]) {
      const e = { event: JSON.parse(JSON.stringify(event)), meta };
      emitted.push(e);
      if (!seenBefore(recent, meta.id)) delivered.push(e);
    },
  });
  return {
    self, db, emitted, delivered,
    deploy: (): Promise<void> => component.hooks.deploy.call(self),
    run: (): Promise<void> => component.run.call(self, { timestamp: Math.floor(Date.now() / 1000), interval_seconds: 900 }),
    cursor: (): unknown => db.get("cursor"),
  };
}

/** Freezes the clock the sources and the fake server read, at unix seconds `epoch`. */
export function setNow(epoch: number): void {
  jest.spyOn(Date, "now").mockReturnValue(epoch * 1000);
}

type Form = Record<string, string>;

/**
 * A small stand-in for one Withings list endpoint, served through `mockWithings` so every request's
 * form is recorded. It keeps a record store, filters it per request, and pages it with `more`/`offset`.
 * `failNext(offset, times, status)` makes the page at that offset fail with a Withings status.
 */
export class FakeList<T> {
  records: T[] = [];
  private failure?: { offset: string; times: number; status: number };
  constructor(private readonly opts: {
    path: string;
    field: string;
    pageSize: number;
    /** getmeas pages with 0/1, v2 services with booleans. */
    numericMore?: boolean;
    select: (records: T[], form: Form) => T[];
    extra?: (form: Form) => Record<string, unknown>;
  }) {}

  failNext(offset: number, times: number, status = 601): void {
    this.failure = { offset: String(offset), times, status };
  }

  reply(form: Form): unknown {
    const offset = Number(form.offset ?? 0);
    if (this.failure && this.failure.times > 0 && this.failure.offset === String(offset)) {
      this.failure.times -= 1;
      return { status: this.failure.status, body: {}, error: "Too many requests" };
    }
    const all = this.opts.select(this.records, form);
    const page = all.slice(offset, offset + this.opts.pageSize);
    const more = offset + this.opts.pageSize < all.length;
    const paging = more
      ? { more: this.opts.numericMore ? 1 : true, offset: offset + this.opts.pageSize }
      : (this.opts.numericMore ? {} : { more: false, offset: 0 });
    return { status: 0, body: { ...(this.opts.extra?.(form) ?? {}), [this.opts.field]: page, ...paging } };
  }

  /** Queues `count` requests to this endpoint; returns the recorded requests. */
  serve(count: number): { requests: RecordedRequest[]; pending(): string[] } {
    const reply = { path: this.opts.path, body: (f: Form) => this.reply(f) };
    return mockWithings(Array.from({ length: count }, () => reply));
  }
}

const serverNow = () => Math.floor(Date.now() / 1000);

/** getmeas: groups changed after `lastupdate`, newest first (so the source must sort), only `meastypes`. */
export function fakeGetmeas(pageSize = 50, timezone = "Europe/Paris") {
  return new FakeList<any>({
    path: "/measure", field: "measuregrps", pageSize, numericMore: true,
    select: (groups, form) => {
      const types = form.meastypes ? form.meastypes.split(",").map(Number) : undefined;
      return groups
        .filter((g) => g.modified > Number(form.lastupdate ?? 0))
        .map((g) => (types ? { ...g, measures: g.measures.filter((m: any) => types.includes(m.type)) } : g))
        .filter((g) => g.measures.length > 0)
        .sort((a, b) => b.date - a.date || b.grpid - a.grpid);
    },
    extra: () => ({ updatetime: serverNow(), timezone }),
  });
}

/** A v2 list with `lastupdate` (getactivity, getworkouts, sleep getsummary): records with `modified` after it. */
export function fakeLastupdateList(path: string, field: string, pageSize = 50) {
  return new FakeList<any>({
    path, field, pageSize,
    select: (rows, form) => rows.filter((r) => r.modified > Number(form.lastupdate ?? 0)),
  });
}

/** Heart v2 List: recordings whose `timestamp` is within `startdate`..`enddate`, newest first. */
export function fakeHeartList(pageSize = 50) {
  return new FakeList<any>({
    path: "/v2/heart", field: "series", pageSize,
    select: (rows, form) => rows
      .filter((r) => r.timestamp >= Number(form.startdate) && r.timestamp <= Number(form.enddate))
      .sort((a, b) => b.timestamp - a.timestamp),
  });
}
