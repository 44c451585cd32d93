/** Shared setup for the end-to-end tests: a simulator on loopback, a real OAuth login, the TS components. */
import { join } from "node:path";
import { SCOPES } from "../../common/oauth";
import { startSimulator } from "../../simulator/index";
import type { Simulator, SimulatorOptions } from "../../simulator/types";
import app from "../../components/withings/withings.app";
import * as catalog from "../../hosts/kit/catalog";
import { SRC, type ComponentRef, type Kind } from "../../runner/components";
import { missingRequiredProps, propOptions, type Auth, type ComponentLike } from "../../runner/platform";
import { simAuth, simulatorLogin } from "../../runner/targets";

export { app };
export const APP = app as unknown as ComponentLike;

export async function startSim(opts: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ seed: 7, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0, 50, 100], ...opts });
}

/** Logs in through the authorize → 302 → code exchange flow and returns the `$auth` a component gets. */
export async function login(sim: Simulator, scopes: readonly string[] = SCOPES): Promise<Auth> {
  return simAuth(sim, await simulatorLogin(APP, sim, scopes));
}

export interface LoadedComponent extends ComponentRef {
  component: ComponentLike;
}

/**
 * Every component of a kind, from the TypeScript sources, sorted by slug. They come from hosts/kit/catalog.ts,
 * which imports each one statically, so `jest --findRelatedTests <component or common file>` finds the suites
 * that use this helper (a test keeps the catalog in step with the folders).
 */
export function tsComponents(kind: Kind): LoadedComponent[] {
  return Object.entries(catalog[kind]).sort(([a], [b]) => a.localeCompare(b)).map(([slug, component]) => ({
    kind, slug, file: join(SRC, kind, slug, `${slug}.ts`), component,
  }));
}

/** Required props without a value get their first option, as a user picking from the list would. */
export async function requiredProps(component: ComponentLike, auth: Auth): Promise<Record<string, unknown>> {
  const props: Record<string, unknown> = {};
  for (const name of missingRequiredProps(component)) {
    const options = await propOptions(component, name, auth);
    if (!options.length) throw new Error(`${component.key}: no option to fill required prop ${name}`);
    props[name] = options[0].value;
  }
  return props;
}

/** Every value in a JSON-able tree, for "no NaN / no token" checks. */
export function* leaves(v: unknown, path = "$"): Generator<[string, unknown]> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* leaves(v[i], `${path}[${i}]`);
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) yield* leaves(x, `${path}.${k}`);
  } else {
    yield [path, v];
  }
}

/** Problems that make decoded output insane: NaN, Infinity, "undefined"/"NaN"/"Invalid Date" strings, leaked secrets. */
export function insanities(v: unknown, secrets: readonly string[]): string[] {
  const bad: string[] = [];
  for (const [path, x] of leaves(v)) {
    if (typeof x === "number" && !Number.isFinite(x)) bad.push(`${path} = ${x}`);
    if (typeof x === "string") {
      if (/^(undefined|NaN|Invalid Date|\[object Object\])$/.test(x) || x.includes("Invalid Date")) bad.push(`${path} = "${x}"`);
      for (const s of secrets) if (s && x.includes(s)) bad.push(`${path} contains a secret`);
    }
  }
  return bad;
}
