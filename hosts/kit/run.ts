/** Running components on any host: an action once, a deployed source across runs, a prop's choices. */
import { StateDb } from "./state";
import { resolvePropDef, type ComponentLike } from "./props";
import type { HttpEvent, HttpResponseSpec } from "./http";
import {
  FlowExit, instantiate, isDuplicate, makeStep, optionsOwner, type Auth, type EmittedEvent, type InstanceOptions,
} from "./instance";

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
  const $ = makeStep(opts.files);
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
 * A deployed source: one `this` shared by its hooks and runs, as on Pipedream, with its db kept by the
 * host. `deploy()` runs the deploy then activate hooks; `run(event)` runs it once (a timer tick by default).
 */
export class SourceHost {
  readonly self: Record<string, any>;
  readonly db: StateDb;
  private current: EmittedEvent[] = [];
  private readonly onEmit?: (e: EmittedEvent) => void;
  constructor(readonly component: ComponentLike, opts: InstanceOptions) {
    this.db = opts.db ?? new StateDb();
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
  private async phase(_name: Phase, fn: () => unknown): Promise<RunResult> {
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
export async function propOptions(component: ComponentLike, name: string, auth: Auth,
  appOverrides?: Record<string, unknown>): Promise<PropOption[]> {
  const raw = component.props?.[name];
  if (raw === undefined) throw new Error(`${component.key ?? "The component"} has no prop "${name}"`);
  const def = resolvePropDef(raw);
  let list: unknown = def.options;
  if (typeof list === "function") {
    list = await (list as Function).call(optionsOwner(component, raw, { auth, appOverrides }), { page: 0, prevContext: {} });
  }
  if (list && typeof list === "object" && !Array.isArray(list) && "options" in list) list = (list as { options: unknown }).options;
  if (!Array.isArray(list)) return [];
  return list.map(toOption);
}

/** `{ label, value }` from an option as components declare it (an object, or a bare value). */
export function toOption(o: unknown): PropOption {
  return o && typeof o === "object" && "value" in o
    ? { label: String((o as PropOption).label ?? (o as PropOption).value), value: (o as PropOption).value }
    : { label: String(o), value: o };
}
