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
import { benchInstant } from "./bench/instant";
import { benchMcp, mcpTable } from "./bench/mcp";
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

  const instant = await benchInstant();
  const ack = instant.ack as Record<string, number>;
  const cap = instant.capacity as { users: number; polling: Record<string, number>; instant: Record<string, number> };
  log("\n## Instant sources\n");
  log(`Ack, from a notification POST arriving to its 200 being written, over 1,000 deliveries: `
    + `p50 ${ack.ack_p50_ms} ms, p99 ${ack.ack_p99_ms} ms. Record added in the simulator to its event: p50 `
    + `${ack.record_to_event_p50_ms} ms, p99 ${ack.record_to_event_p99_ms} ms.`);
  log(`\nCapacity model: ${cap.users} users, seven data types each, one day, one app (Withings allows 120 requests a minute):\n`);
  log("| | polling | instant |\n|---|---:|---:|");
  for (const [label, key] of [["requests per day", "requests"], ["peak requests/min", "peakPerMinute"],
    ["mean requests/min", "meanPerMinute"], ["minutes over 120/min", "minutesOver120"], ["events delivered", "events"],
    ["median delay record → event (s)", "medianDelaySeconds"], ["p95 delay record → event (s)", "p95DelaySeconds"]]) {
    log(`| ${label} | ${cap.polling[key]} | ${cap.instant[key]} |`);
  }

  const mcp = await benchMcp();
  log("\n## MCP server (packages/mcp)\n");
  log(mcpTable(mcp));

  const seconds = (performance.now() - started) / 1000;
  log(`\nbench finished in ${seconds.toFixed(0)} s, node ${process.version}`);
  const out = join(__dirname, "..", "bench-results.json");
  writeFileSync(out, `${JSON.stringify({ node: process.version, pageSize: PAGE, catchup: rows, decode, coldStart: cold, instant, mcp, seconds }, null, 2)}\n`);
  log("figures written to bench-results.json");
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
