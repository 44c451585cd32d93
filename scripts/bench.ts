/**
 * The request-cost benchmark, against the embedded simulator (page size 50). Prints one table and writes
 * the same figures to bench-results.json. Nothing here is asserted: the tests check behaviour, this
 * measures it. Run with `npm run bench` (it forces GC between heap samples, so node needs --expose-gc).
 *
 *   BENCH_LARGE=20000 npm run bench    # a smaller "large" backlog for a quick look (default 100,000)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { catchupAction, catchupSource, listActionSlugs, sourceSlugs, type CatchupRow } from "./bench/catchup";
import { benchColdStart } from "./bench/cold-start";
import { benchDecode } from "./bench/decode";
import { gcAvailable, PAGE } from "./bench/sim";

const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
const log = (s = "") => process.stdout.write(`${s}\n`);
const fmt = (n: number | undefined, digits = 0) => (n === undefined ? "-" : n.toFixed(digits));

function table(rows: CatchupRow[]): void {
  log("| component | N | floor ceil(N/50) | requests | runs | records out | idle after deploy | idle after catch-up | peak heap MB | s |");
  log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    log(`| ${r.component} | ${r.n.toLocaleString("en-US")} | ${r.floor} | ${r.requests} | ${fmt(r.runs)} | ${fmt(r.emitted)} `
      + `| ${fmt(r.idleAfterDeploy)} | ${fmt(r.idleAfterCatchup)} | ${r.peakHeapMb.toFixed(1)} | ${r.seconds.toFixed(1)} |`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!gcAvailable()) log("(node runs without --expose-gc: heap figures include garbage)");
  const rows: CatchupRow[] = [];
  for (const n of [SMALL, LARGE]) {
    for (const slug of sourceSlugs()) rows.push(await catchupSource(slug, n));
    for (const slug of listActionSlugs()) rows.push(await catchupAction(slug, n));
  }
  log(`\n## Catching up a backlog (simulator page size ${PAGE}; a source run reads at most 20 pages)\n`);
  table(rows);

  const decode = benchDecode();
  log(`\n## Decoding\n\n${decode.groups.toLocaleString("en-US")} measure groups: JSON.parse ${decode.parseMs.toFixed(1)} ms, `
    + `decode ${decode.decodeMs.toFixed(1)} ms: decoding runs at ${decode.ratio.toFixed(2)}x the speed of JSON.parse`);

  const cold = await benchColdStart();
  log("\n## Cold start (median of 11 fresh processes each)\n");
  log(cold
    ? `import + one run of ${cold.action} (built): ${cold.actionMs.toFixed(0)} ms; import @pipedream/platform alone: `
      + `${cold.platformMs.toFixed(0)} ms; ratio ${cold.ratio.toFixed(2)}`
    : "skipped: run `npm run build` first");

  let instant: Record<string, unknown> | undefined;
  try {
    // The instant sources' figures, when that benchmark is present.
    const file = "./bench-instant";
    const mod = (await import(file)) as { benchInstant(): Promise<Record<string, unknown>> };
    instant = await mod.benchInstant();
    log("\n## Instant sources\n");
    for (const [k, v] of Object.entries(instant ?? {})) log(`- ${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  } catch (err) {
    if ((err as { code?: string }).code !== "ERR_MODULE_NOT_FOUND" && (err as { code?: string }).code !== "MODULE_NOT_FOUND") throw err;
  }

  const seconds = (performance.now() - started) / 1000;
  log(`\nbench finished in ${seconds.toFixed(0)} s, node ${process.version}`);
  const out = join(__dirname, "..", "bench-results.json");
  writeFileSync(out, `${JSON.stringify({ node: process.version, pageSize: PAGE, catchup: rows, decode, coldStart: cold, instant, seconds }, null, 2)}\n`);
  log("figures written to bench-results.json");
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
