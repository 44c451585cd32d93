/**
 * What the reference pages say about each component, taken from the component itself: its metadata and props
 * as declared, a source's `sampleEmit`, and, from runs against the embedded simulator on a fixed clock and seed,
 * an action's output and the Withings calls each component makes.
 */
import { actions, sources } from "../../hosts/kit/catalog";
import { isApp, resolvePropDef, type ComponentLike } from "../../hosts/kit/props";
import { propOptions } from "../../hosts/kit/run";
import { startSimulator } from "../../simulator/index";
import type { Simulator } from "../../simulator/types";
import app from "../../components/withings/withings.app";
import { HttpEndpoint, httpPropName, runAction, SourceHost, wantsCustomResponse, type Auth } from "../../runner/platform";
import { simAuth, simulatorLogin } from "../../runner/targets";
import { trim } from "./trim";

/** 2026-11-20T08:00:00Z: every run of `npm run docs` sees the same simulated account at the same instant. */
export const DOCS_NOW = 1795161600;
export const DOCS_SEED = 42;
/** The loopback URL an instant source or a notification action gets locally, as the pages show it. */
export const CALLBACK_PLACEHOLDER = "https://hooks.example.com/withings";

export interface PropDoc {
  name: string;
  label: string;
  type: string;
  optional: boolean;
  default?: unknown;
  options?: unknown[];
  /** Choices loaded from the account when the prop is edited. */
  dynamicOptions: boolean;
  description: string;
}

export interface ComponentDoc {
  kind: "actions" | "sources";
  slug: string;
  key: string;
  name: string;
  description: string;
  version: string;
  annotations?: Record<string, unknown>;
  dedupe?: string;
  instant: boolean;
  props: PropDoc[];
  /** Actions: the trimmed result of a run against the simulator; sources: their `sampleEmit`. */
  sample: unknown;
  summary?: string;
  /** `path action` of each Withings call, in the order first made. */
  endpoints: string[];
}

const c = (v: unknown) => v as ComponentLike & Record<string, any>;

export function propDocs(component: ComponentLike): PropDoc[] {
  return Object.entries(component.props ?? {}).map(([name, raw]) => {
    if (isApp(raw)) {
      return { name, label: "Withings", type: "app", optional: false, dynamicOptions: false, description: "The connected Withings account." };
    }
    const def = resolvePropDef(raw);
    const type = String(def.type ?? "string");
    const doc: PropDoc = {
      name, label: String(def.label ?? name), type, optional: def.optional === true,
      dynamicOptions: typeof def.options === "function", description: String(def.description ?? ""),
    };
    if (def.default !== undefined) doc.default = def.default;
    if (Array.isArray(def.options)) doc.options = def.options;
    return doc;
  });
}

function calls(sim: Simulator, from: number): string[] {
  return [...new Set(sim.requests.slice(from).map((r) => `${r.path} ${r.action}`))];
}

/** Required props without a value get their first choice, as a user picking from the list would. */
async function requiredProps(component: ComponentLike, auth: Auth, given: Record<string, unknown>): Promise<Record<string, unknown>> {
  const props = { ...given };
  for (const [name, raw] of Object.entries(component.props ?? {})) {
    const def = resolvePropDef(raw);
    if (isApp(raw) || name in props || def.optional || def.default !== undefined || String(def.type).startsWith("$.")) continue;
    const options = await propOptions(component, name, auth);
    if (options.length) props[name] = options[0].value;
  }
  return props;
}

function placeholders(value: unknown, endpoint: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(endpoint).join(CALLBACK_PLACEHOLDER));
}

/**
 * The app's HTTP with the placeholder callback URL swapped for the local endpoint on the way out: the actions see
 * a public https URL, as on Pipedream, and the simulator checks and calls the local one.
 */
function swappingSend(hook: string): Record<string, unknown> {
  const send = c(app).methods!._send as (this: unknown, args: { body: string }) => Promise<unknown>;
  const form = (s: string) => new URLSearchParams({ u: s }).toString().slice(2);
  return {
    _send(this: unknown, args: { body: string }) {
      return send.call(this, { ...args, body: args.body.split(form(CALLBACK_PLACEHOLDER)).join(form(hook)) });
    },
  };
}

async function documentAction(slug: string, component: ComponentLike, sim: Simulator, auth: Auth, hook: string): Promise<ComponentDoc> {
  const own = c(component);
  const appOverrides = swappingSend(hook);
  const given: Record<string, unknown> = "callbackUrl" in (own.props ?? {}) ? { callbackUrl: CALLBACK_PLACEHOLDER } : {};
  if (slug === "update-notification-subscription") given.comment = "renamed";
  const props = await requiredProps(component, auth, given);
  const from = sim.requests.length;
  const r = await runAction(component, { auth, props, appOverrides });
  return {
    ...base("actions", slug, component), summary: placeholders(r.summary, hook) as string,
    sample: trim(placeholders(r.result, hook)), endpoints: calls(sim, from),
  };
}

async function documentSource(slug: string, component: ComponentLike, sim: Simulator, auth: Auth): Promise<ComponentDoc> {
  const httpProp = httpPropName(component);
  const endpoint = httpProp ? new HttpEndpoint(async () => undefined, wantsCustomResponse(component)) : undefined;
  await endpoint?.listen();
  const from = sim.requests.length;
  try {
    const host = new SourceHost(component, { props: await requiredProps(component, auth, {}), auth, http: endpoint?.iface });
    await host.deploy();
    await host.run();
    await host.deactivate();
  } finally {
    await endpoint?.close();
  }
  return { ...base("sources", slug, component), sample: c(component).sampleEmit, endpoints: calls(sim, from) };
}

function base(kind: "actions" | "sources", slug: string, component: ComponentLike): Omit<ComponentDoc, "sample" | "endpoints"> {
  const own = c(component);
  return {
    kind, slug, key: String(own.key), name: String(own.name), description: String(own.description), version: String(own.version),
    ...(own.annotations ? { annotations: own.annotations } : {}), ...(own.dedupe ? { dedupe: own.dedupe } : {}),
    instant: !!httpPropName(component), props: propDocs(component),
  };
}

/** Subscribe before the actions that read, update or revoke a subscription; revoke last. */
const rank = (slug: string) => (/^subscribe/.test(slug) ? 0 : /^revoke/.test(slug) ? 2 : 1);

/** Every action and source, documented from runs against a simulator frozen at DOCS_NOW. */
export async function collect(): Promise<ComponentDoc[]> {
  const realNow = Date.now;
  const sim = await startSimulator({ seed: DOCS_SEED, now: DOCS_NOW, frozenClock: true, rateLimitPerMinute: 0, allowLoopbackCallbacks: true });
  Date.now = () => sim.clock.now() * 1000;
  const hook = new HttpEndpoint(async () => undefined, false);
  await hook.listen();
  try {
    const auth = simAuth(sim, await simulatorLogin(app as unknown as ComponentLike, sim));
    const docs: ComponentDoc[] = [];
    const slugs = Object.keys(actions).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const slug of slugs) docs.push(await documentAction(slug, actions[slug], sim, auth, hook.endpoint));
    for (const slug of Object.keys(sources).sort()) docs.push(await documentSource(slug, sources[slug], sim, auth));
    return docs.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  } finally {
    Date.now = realNow;
    await hook.close();
    await sim.close();
  }
}
