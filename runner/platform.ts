/**
 * A local stand-in for the Pipedream platform: builds a component's `this` the way Pipedream does
 * (props with their defaults, shared propDefinitions, methods, the app prop with `$auth`, `$.service.db`,
 * `$emit`, the timer and HTTP interfaces) and runs actions, hooks and sources.
 */
import { FileDb } from "./state";
import { appPropsOnly, isApp, resolvePropDef, coerce, type ComponentLike, type PropDef } from "./props";
import type { HttpEvent, HttpResponseSpec } from "./http-endpoint";

export { HttpEndpoint, type HttpEndpointOptions, type HttpEvent, type HttpResponseSpec } from "./http-endpoint";

export type Auth = Record<string, unknown> & { oauth_access_token: string };

export {
  coerce, httpPropName, missingRequiredProps, resolvePropDef, wantsCustomResponse, type ComponentLike,
} from "./props";

export interface EmittedEvent {
  event: unknown;
  meta: { id?: string | number; summary?: string; ts?: number; name?: string };
  /** True when the platform would drop it (its id was already emitted under `dedupe`). */
  duplicate: boolean;
}

/** Thrown by `$.flow.exit()`; the run ends there, successfully. */
export class FlowExit extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "flow exited");
  }
}

/** The step object `$` an action receives: `export` (with `$summary`), `respond`, `flow`, `send`. */
export function makeStep() {
  const exports: Record<string, unknown> = {};
  const sent: unknown[] = [];
  return {
    exports,
    sent,
    export(key: string, value: unknown) {
      exports[key] = value;
    },
    get summary(): string | undefined {
      return exports.$summary as string | undefined;
    },
    respond(res: unknown) {
      sent.push({ respond: res });
    },
    flow: {
      exit(reason?: string): never {
        throw new FlowExit(reason);
      },
      delay(): never {
        throw new Error("$.flow.delay is not available in the local runner");
      },
      rerun(): never {
        throw new Error("$.flow.rerun is not available in the local runner");
      },
    },
    send: new Proxy({}, {
      get: (_t, kind) => (payload: unknown) => {
        sent.push({ [String(kind)]: payload });
      },
    }),
  };
}
export type Step = ReturnType<typeof makeStep>;

/** The app prop as components see it: the app's methods with `this.$auth`. */
export function appInstance(app: ComponentLike, auth: Auth): Record<string, unknown> {
  return Object.assign(Object.create(null), app.methods ?? {}, { $auth: { ...auth } });
}

export interface InstanceOptions {
  props?: Record<string, unknown>;
  auth: Auth;
  db?: FileDb;
  /** Called for every `$emit`, after the dedupe check. */
  onEmit?: (e: EmittedEvent) => void;
  http?: HttpInterface;
  timer?: { intervalSeconds?: number; cron?: string };
}

export interface HttpInterface {
  endpoint: string;
  respond(res: HttpResponseSpec): void;
}

/** Builds a component's `this`: props (given, else default), methods, app prop, db, interfaces, `$emit`. */
export function instantiate(component: ComponentLike, opts: InstanceOptions): Record<string, any> {
  const self: Record<string, any> = Object.create(null);
  const given = opts.props ?? {};
  const db = opts.db ?? new FileDb(undefined);
  const known = new Set<string>();
  for (const [name, raw] of Object.entries(component.props ?? {})) {
    known.add(name);
    if (isApp(raw)) {
      self[name] = appInstance(raw, opts.auth);
      continue;
    }
    const def = resolvePropDef(raw);
    switch (def.type) {
      case "$.service.db":
        self[name] = db;
        continue;
      case "$.interface.timer":
        self[name] = { ...(def.default as object ?? {}), ...(opts.timer ?? {}) };
        continue;
      case "$.interface.http":
        self[name] = opts.http ?? { endpoint: "", respond() {} };
        continue;
      default:
        break;
    }
    if (given[name] !== undefined) self[name] = coerce(name, def, given[name]);
    else if (def.default !== undefined) self[name] = JSON.parse(JSON.stringify(def.default));
    else if (!def.optional && def.type !== "alert") {
      throw new Error(`Missing required prop "${name}" (${def.label ?? def.type}). Pass it with --prop ${name}=...`);
    }
  }
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`Unknown prop${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  Object.assign(self, component.methods ?? {});
  self.$emit = (event: unknown, meta: EmittedEvent["meta"] = {}) => {
    opts.onEmit?.({ event, meta, duplicate: isDuplicate(component.dedupe, db, meta.id) });
  };
  return self;
}

/** How many recent ids Pipedream's `unique` dedupe remembers. */
export const UNIQUE_DEDUPE_IDS = 100;

/** `unique` dedupe over a list of recent ids: true when `id` was seen; otherwise remembers it. */
export function seenBefore(recent: string[], id: unknown): boolean {
  const key = String(id);
  if (recent.includes(key)) return true;
  recent.push(key);
  if (recent.length > UNIQUE_DEDUPE_IDS) recent.splice(0, recent.length - UNIQUE_DEDUPE_IDS);
  return false;
}

/** The platform's dedupe: `unique` remembers the last 100 ids, `greatest` only lets larger ids through. */
function isDuplicate(strategy: string | undefined, db: FileDb, id: unknown): boolean {
  if (id === undefined || id === null || !strategy) return false;
  const state = db.meta.dedupe;
  let dup = false;
  if (strategy === "unique") {
    dup = seenBefore(state.ids, id);
  } else if (strategy === "greatest") {
    const n = Number(id);
    dup = state.greatest !== undefined && !(n > state.greatest);
    if (!dup) state.greatest = n;
  }
  db.save();
  return dup;
}

export interface RunResult {
  result?: unknown;
  exports: Record<string, unknown>;
  summary?: string;
  emitted: EmittedEvent[];
  ms: number;
}

/** Runs an action: `run.call(this, { $, steps })`, with `$.flow.exit()` ending it cleanly. */
export async function runAction(component: ComponentLike, opts: InstanceOptions): Promise<RunResult> {
  const emitted: EmittedEvent[] = [];
  const self = instantiate(component, { ...opts, onEmit: (e) => { emitted.push(e); opts.onEmit?.(e); } });
  const $ = makeStep();
  const t0 = performance.now();
  let result: unknown;
  try {
    result = await component.run!.call(self, { $, steps: {} });
  } catch (err) {
    if (!(err instanceof FlowExit)) throw err;
  }
  return { result, exports: $.exports, summary: $.summary, emitted, ms: performance.now() - t0 };
}

export type Phase = "deploy" | "activate" | "deactivate" | "run";

/**
 * A deployed source: one `this` shared by its hooks and runs, as on Pipedream, with the db in a file.
 * `deploy()` runs the deploy then activate hooks; `run(event)` runs it once (a timer tick by default).
 */
export class SourceHost {
  readonly self: Record<string, any>;
  readonly db: FileDb;
  private current: EmittedEvent[] = [];
  private readonly onEmit?: (e: EmittedEvent) => void;
  constructor(readonly component: ComponentLike, opts: InstanceOptions & { dbPath?: string }) {
    this.db = opts.db ?? new FileDb(opts.dbPath);
    this.onEmit = opts.onEmit;
    this.self = instantiate(component, {
      ...opts,
      db: this.db,
      onEmit: (e) => {
        this.current.push(e);
        opts.onEmit?.(e);
      },
    });
  }
  get deployed(): boolean {
    return !!this.db.meta.deployed;
  }
  private async phase(name: Phase, fn: () => unknown): Promise<RunResult> {
    this.current = [];
    const t0 = performance.now();
    const result = await fn();
    return { result, exports: {}, emitted: this.current, ms: performance.now() - t0 };
  }
  async deploy(): Promise<RunResult> {
    const r = await this.phase("deploy", async () => {
      await this.component.hooks?.deploy?.call(this.self);
      await this.component.hooks?.activate?.call(this.self);
    });
    this.db.meta.deployed = true;
    this.db.save();
    return r;
  }
  async deactivate(): Promise<RunResult> {
    const r = await this.phase("deactivate", () => this.component.hooks?.deactivate?.call(this.self));
    this.db.meta.deployed = false;
    this.db.save();
    return r;
  }
  /**
   * One HTTP request run beside others: its own `this.http.respond` answers only this request, and it
   * shares the db, props and methods with every other run, as concurrent executions of a source do.
   */
  async runRequest(event: HttpEvent, respond: (res: HttpResponseSpec) => void): Promise<RunResult> {
    const emitted: EmittedEvent[] = [];
    const self = Object.create(this.self) as Record<string, any>;
    self.http = { ...(this.self.http ?? {}), respond };
    self.$emit = (e: unknown, meta: EmittedEvent["meta"] = {}) => {
      const out = { event: e, meta, duplicate: isDuplicate(this.component.dedupe, this.db, meta.id) };
      emitted.push(out);
      this.onEmit?.(out);
    };
    const t0 = performance.now();
    const result = await this.component.run!.call(self, event);
    return { result, exports: {}, emitted, ms: performance.now() - t0 };
  }

  /** A timer tick, or the given HTTP event for an instant source. */
  run(event?: unknown): Promise<RunResult> {
    const tick = { timestamp: Math.floor(Date.now() / 1000), interval_seconds: this.self.timer?.intervalSeconds ?? 900 };
    return this.phase("run", () => this.component.run!.call(this.self, event ?? tick));
  }
}

export interface PropOption {
  label: string;
  value: unknown;
}

/**
 * A prop's choices as the Pipedream UI would list them: a static `options` array, or the first page
 * of `async options({ page, prevContext })` run with the app instance as `this` (for shared props).
 */
export async function propOptions(component: ComponentLike, name: string, auth: Auth): Promise<PropOption[]> {
  const raw = component.props?.[name];
  if (raw === undefined) throw new Error(`${component.key ?? "The component"} has no prop "${name}"`);
  const def = resolvePropDef(raw);
  const ref = (raw as PropDef).propDefinition;
  const owner = ref ? appInstance(ref[0], auth) : instantiate({ ...component, props: appPropsOnly(component) }, { auth });
  let list: unknown = def.options;
  if (typeof list === "function") {
    list = await (list as Function).call(owner, { page: 0, prevContext: {} });
  }
  if (list && typeof list === "object" && !Array.isArray(list) && "options" in list) list = (list as { options: unknown }).options;
  if (!Array.isArray(list)) return [];
  return list.map((o) => (o && typeof o === "object" && "value" in o
    ? { label: String((o as PropOption).label ?? (o as PropOption).value), value: (o as PropOption).value }
    : { label: String(o), value: o }));
}
