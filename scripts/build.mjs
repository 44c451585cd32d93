// Builds one self-contained ESM file per app, action and source under dist/, the files `pd publish` takes.
// Relative imports are bundled in; npm packages stay external (Pipedream installs them at run time).
import { build } from "esbuild";
import { readdirSync, rmSync, existsSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const comp = join(root, "components", "withings");
const outdir = join(root, "dist");

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

export async function buildAll({ quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const entries = entryPoints();
  await build({
    entryPoints: entries,
    outdir,
    outbase: comp,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    logLevel: quiet ? "silent" : "warning",
  });
  const outputs = entries.map((e) => join(outdir, relative(comp, e)).replace(/\.ts$/, ".mjs"));
  if (!quiet) for (const o of outputs) console.log(relative(root, o));
  return outputs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
