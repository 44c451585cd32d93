// Bundles the integration (its src/, the components, the core and the hosts' kit) into one CommonJS file,
// dist/index.js, so that `zapier-platform push` uploads a self-contained integration. zapier-platform-core stays
// an external dependency (Zapier installs it); the optional PNG renderer is native and is left out (the ECG
// action then returns the SVG only).
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export async function buildZapier({ outfile = join(here, "dist", "index.js"), quiet = false } = {}) {
  await build({
    entryPoints: [join(here, "src", "index.js")],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["zapier-platform-core", "@resvg/resvg-js"],
    logLevel: quiet ? "silent" : "warning",
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outfile");
  buildZapier(at > 0 ? { outfile: resolve(process.argv[at + 1]) } : {})
    .then((f) => console.log(f))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
