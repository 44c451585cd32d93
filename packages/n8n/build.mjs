// Builds the n8n package into dist/: one self-contained CommonJS file per node and credential, with the
// Withings core, components and host kit compiled in (n8n community nodes may have no runtime
// dependencies), plus the icons. Only n8n-workflow stays an import (a peer dependency n8n provides).
//
// n8n's Cloud rules forbid globals such as setTimeout and process, and imports other than n8n-workflow
// and a few libraries, in the shipped code. The core reads process.env (test knobs) and waits with
// setTimeout, so at bundle time: process.env is defined as {}, the timer globals are replaced by
// src/bundle/timers.ts (n8n-workflow's sleep), @pipedream/platform, node:fs, node:path and node:net by
// small shims, and the native PNG renderer by resvg's WebAssembly build, inlined.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, 'dist');

const ENTRIES = [
  'credentials/WithingsOAuth2Api.credentials.ts',
  'nodes/Withings/Withings.node.ts',
  'nodes/WithingsTrigger/WithingsTrigger.node.ts',
  'nodes/WithingsPollTrigger/WithingsPollTrigger.node.ts',
];

const shim = (name) => join(here, 'src', 'bundle', name);

export async function buildPackage({ outdir = DIST, quiet = false } = {}) {
  if (!relative(outdir, here).startsWith('..') && outdir !== DIST) throw new Error(`Refusing to build into ${outdir}`);
  rmSync(outdir, { recursive: true, force: true });
  const common = {
    outdir,
    outbase: join(here, 'src'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['n8n-workflow'],
    alias: {
      '@pipedream/platform': shim('platform.ts'),
      '@resvg/resvg-js': shim('platform.ts'),
      'node:fs': shim('node-shims.ts'),
      'node:path': shim('node-shims.ts'),
      'node:net': shim('node-shims.ts'),
    },
    define: { 'process.env': '{}' },
    loader: { '.wasm': 'binary' },
    legalComments: 'inline',
    logLevel: quiet ? 'silent' : 'warning',
  };
  // Only the Withings node draws ECG strips; the PNG renderer (2.5 MB of WebAssembly) goes there alone.
  const withPng = ENTRIES.filter((e) => e === 'nodes/Withings/Withings.node.ts');
  const rest = ENTRIES.filter((e) => !withPng.includes(e));
  await build({ ...common, entryPoints: withPng.map((e) => join(here, 'src', e)), inject: [shim('timers.ts'), shim('renderer.ts')] });
  await build({ ...common, entryPoints: rest.map((e) => join(here, 'src', e)), inject: [shim('timers.ts')] });
  // Icons beside each node and credential.
  for (const entry of ENTRIES) {
    const srcDir = join(here, 'src', dirname(entry));
    for (const f of readdirSync(srcDir).filter((n) => n.endsWith('.svg'))) {
      mkdirSync(join(outdir, dirname(entry)), { recursive: true });
      copyFileSync(join(srcDir, f), join(outdir, dirname(entry), f));
    }
  }
  if (!quiet) for (const e of ENTRIES) console.log(relative(here, join(outdir, e.replace(/\.ts$/, '.js'))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  buildPackage(at > 0 ? { outdir: resolve(process.argv[at + 1]) } : {}).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
