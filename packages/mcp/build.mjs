// Bundles the server, with the core, components, host kit, runner pieces and simulator it uses, into
// dist/cli.js (CommonJS, Node 20). The SDK, the ECG renderer (native) and @pipedream/platform stay external:
// they are this package's dependencies, installed by npm beside it.
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = (await import("./package.json", { with: { type: "json" } })).default;
export const EXTERNAL = Object.keys(pkg.dependencies);

/** `outdir` defaults to dist/; tests build into a temp folder so they never race over dist/. */
export async function buildMcp({ outdir = join(here, "dist"), quiet = false } = {}) {
  if (!relative(outdir, here).startsWith("..")) throw new Error(`Refusing to build into ${outdir}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(here, "src", "cli.ts")],
    outfile: join(outdir, "cli.js"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    logLevel: quiet ? "silent" : "warning",
  });
  chmodSync(join(outdir, "cli.js"), 0o755);
  if (!quiet) console.log(relative(process.cwd(), join(outdir, "cli.js")));
  return join(outdir, "cli.js");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outdir");
  buildMcp(at > 0 ? { outdir: resolve(process.argv[at + 1]) } : {}).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
