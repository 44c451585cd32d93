// Builds one self-contained ESM file per app, action and source under dist/, the files `pd publish` takes.
// Relative imports are bundled in; npm packages (including native ones such as @resvg/resvg-js) stay external
// imports that Pipedream installs at run time. The output is ES2021, the language level Pipedream's eslint
// config parses, and each file's default export is the component object literal its rules read.
import { build } from "esbuild";
import { readdirSync, rmSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { componentLiteral } from "./component-literal.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const comp = join(root, "components", "withings");
export const DIST = join(root, "dist");

/** The app, then every `actions/<slug>/<slug>.ts` and `sources/<slug>/<slug>.ts`, whoever added them. */
export function entryPoints() {
  const entries = [join(comp, "withings.app.ts")];
  for (const kind of ["actions", "sources"]) {
    const dir = join(comp, kind);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir)) {
      const file = join(dir, slug, `${slug}.ts`);
      if (slug !== "common" && existsSync(file)) entries.push(file);
    }
  }
  return entries;
}

/** `outdir` defaults to dist/; tests build elsewhere so that they never race each other over dist/. */
export async function buildAll({ quiet = false, outdir = DIST } = {}) {
  // The folder is emptied first: never let that be the project itself or one of its parents.
  if (!relative(outdir, root).startsWith("..")) throw new Error(`Refusing to build into ${outdir}`);
  rmSync(outdir, { recursive: true, force: true });
  const entries = entryPoints();
  const result = await build({
    entryPoints: entries,
    outdir,
    outbase: comp,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2021",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: quiet ? "silent" : "warning",
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, componentLiteral(file.text, relative(outdir, file.path)));
  }
  const outputs = entries.map((e) => join(outdir, relative(comp, e)).replace(/\.ts$/, ".mjs"));
  if (!quiet) for (const o of outputs) console.log(relative(root, o));
  return outputs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outdir");
  buildAll(at > 0 ? { outdir: resolve(process.argv[at + 1]) } : {}).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
