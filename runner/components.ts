/** Finds and loads components: the built `dist/**\/*.mjs` files by default, or the TypeScript sources. */
import { existsSync, readdirSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ComponentLike } from "./platform";

export const ROOT = resolve(__dirname, "..");
export const DIST = join(ROOT, "dist");
export const SRC = join(ROOT, "components", "withings");

export type Kind = "actions" | "sources";
export interface ComponentRef {
  kind: Kind;
  slug: string;
  file: string;
}

/** Every component of a kind under `dist/` (`.mjs`) or the sources (`.ts`), sorted by slug. */
export function listComponents(kind: Kind, from: "dist" | "src" = "dist"): ComponentRef[] {
  const base = join(from === "dist" ? DIST : SRC, kind);
  if (!existsSync(base)) return [];
  const ext = from === "dist" ? "mjs" : "ts";
  return readdirSync(base)
    .filter((slug) => slug !== "common" && existsSync(join(base, slug, `${slug}.${ext}`)))
    .sort()
    .map((slug) => ({ kind, slug, file: join(base, slug, `${slug}.${ext}`) }));
}

/**
 * `actions/get-measures`, `get-measures`, `withings-get-measures` or a file path → the component file.
 * A bare slug is looked up among actions first, then sources.
 */
export function resolveComponent(spec: string, from: "dist" | "src" = "dist"): ComponentRef {
  if (/\.(mjs|js|ts)$/.test(spec)) {
    const file = isAbsolute(spec) ? spec : resolve(process.cwd(), spec);
    if (!existsSync(file)) throw new Error(`No such file: ${spec}`);
    const kind: Kind = /[/\\]sources[/\\]/.test(file) ? "sources" : "actions";
    return { kind, slug: basename(file).replace(/\.(mjs|js|ts)$/, ""), file };
  }
  const m = /^(?:(actions|sources)\/)?(?:withings-)?([a-z0-9-]+)\/?$/.exec(spec);
  if (!m) throw new Error(`Not a component name: ${spec}. Use e.g. actions/get-measures.`);
  const kinds: Kind[] = m[1] ? [m[1] as Kind] : ["actions", "sources"];
  for (const kind of kinds) {
    const found = listComponents(kind, from).find((c) => c.slug === m[2]);
    if (found) return found;
  }
  const hint = from === "dist" ? " Build first with `npm run build`, or pass --src to run the TypeScript source." : "";
  throw new Error(`No component "${spec}" in ${from === "dist" ? "dist/" : "components/withings/"}.${hint}`);
}

/** Loads a component module with a dynamic import and returns its default export. */
export async function loadComponent(file: string): Promise<ComponentLike> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: ComponentLike & { default?: ComponentLike } };
  // A CommonJS-wrapped module nests the default export one level deeper.
  const c = mod.default?.default ?? mod.default;
  if (!c || typeof c !== "object") throw new Error(`${file} has no default export`);
  return c;
}

/** The app object a component carries as a prop (the bundle includes it). */
export function appOf(component: ComponentLike): ComponentLike | undefined {
  for (const p of Object.values(component.props ?? {})) {
    if (p && typeof p === "object" && (p as ComponentLike).type === "app") return p as ComponentLike;
  }
  return undefined;
}
