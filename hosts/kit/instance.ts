/**
 * A component's `this` and `$` the way Pipedream builds them, for any host: props with their defaults,
 * shared propDefinitions, methods, the app prop with `$auth`, `$.service.db`, `$emit`, the timer and HTTP
 * interfaces. A host maps its own context onto these (its HTTP through the app's `_send`, its storage
 * behind a `StateDb`, its files behind `$.files`).
 */
import { StateDb } from "./state";
import { appPropsOnly, isApp, resolvePropDef, coerce, type ComponentLike, type PropDef } from "./props";
import type { HttpResponseSpec } from "./http";
import type { FileSink } from "../../components/withings/common/files";

export type Auth = Record<string, unknown> & { oauth_access_token: string };

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

/** The step object `$` an action receives: `export` (with `$summary`), `respond`, `flow`, `send`, `files`. */
export function makeStep(files?: FileSink) {
  const exports: Record<string, unknown> = {};
  const sent: unknown[] = [];
  return {
    exports,
    sent,
    ...(files ? { files } : {}),
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
        throw new Error("$.flow.delay is not available on this host");
      },
      rerun(): never {
        throw new Error("$.flow.rerun is not available on this host");
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

/**
 * The app prop as components see it: the app's methods with `this.$auth`. `overrides` replace methods,
 * which is how a host brings its own HTTP (`_send`).
 */
export function appInstance(app: ComponentLike, auth: Auth, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.assign(Object.create(null), app.methods ?? {}, overrides, { $auth: { ...auth } });
}

export interface InstanceOptions {
  props?: Record<string, unknown>;
  auth: Auth;
  /** Methods of the app replaced by the host, e.g. `{ _send }`. */
  appOverrides?: Record<string, unknown>;
  db?: StateDb;
  /** Called for every `$emit`, after the dedupe check. */
  onEmit?: (e: EmittedEvent) => void;
  http?: HttpInterface;
  timer?: { intervalSeconds?: number; cron?: string };
  /** Where files an action makes go instead of /tmp. */
  files?: FileSink;
}

export interface HttpInterface {
  endpoint: string;
  respond(res: HttpResponseSpec): void;
}

/** Builds a component's `this`: props (given, else default), methods, app prop, db, interfaces, `$emit`. */
export function instantiate(component: ComponentLike, opts: InstanceOptions): Record<string, any> {
  const self: Record<string, any> = Object.create(null);
  const given = opts.props ?? {};
  const db = opts.db ?? new StateDb();
  const known = new Set<string>();
  for (const [name, raw] of Object.entries(component.props ?? {})) {
    known.add(name);
    if (isApp(raw)) {
      self[name] = appInstance(raw, opts.auth, opts.appOverrides);
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

/** The `this` of a component's async `options()`: the app instance for a shared prop, else the component. */
export function optionsOwner(component: ComponentLike, raw: unknown, opts: InstanceOptions): Record<string, unknown> {
  const ref = (raw as PropDef).propDefinition;
  return ref ? appInstance(ref[0], opts.auth, opts.appOverrides)
    : instantiate({ ...component, props: appPropsOnly(component) }, { auth: opts.auth, appOverrides: opts.appOverrides });
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
export function isDuplicate(strategy: string | undefined, db: StateDb, id: unknown): boolean {
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
