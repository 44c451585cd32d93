/**
 * Figures for the MCP server (packages/mcp), against the embedded simulator with its rate limit off:
 *  - tool-call latency: every tool that runs on the demo account, called ROUNDS times each through an SDK
 *    client over an in-memory transport (p50, p99 over all calls, and p50 per tool);
 *  - reply size per tool with default arguments: text + structured content in bytes (images and audio
 *    counted apart), and the largest default reply.
 *
 *   npx tsx scripts/bench/mcp.ts        (prints a table; `benchMcp()` returns the figures)
 */
import { startSimulator } from "../../simulator/index";
import { simAccount } from "../../packages/mcp/src/account";
import { call, connect, replyBytes } from "../../packages/mcp/test/harness";

const ROUNDS = Number(process.env.BENCH_MCP_ROUNDS ?? 20);

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export interface McpToolRow {
  tool: string;
  p50Ms: number;
  replyBytes: number;
  attachmentBytes: number;
}

export async function benchMcp(): Promise<{ rounds: number; calls: number; p50Ms: number; p99Ms: number; largest: McpToolRow; tools: McpToolRow[] }> {
  const sim = await startSimulator({ seed: 7, rateLimitPerMinute: 0 });
  const account = await simAccount({ sim });
  const { client, close } = await connect(account);
  try {
    const first = async (tool: string) => (await call(client, tool)).structuredContent!.records[0].signalid as number;
    const ids: Record<string, number> = {
      withings_get_ecg_signal: await first("withings_list_ecg_recordings"),
      withings_get_stethoscope_signal: await first("withings_list_stethoscope_recordings"),
    };
    const { tools } = await client.listTools();
    // Tools on a subscription need one the demo account cannot have (a public callback URL).
    const runnable = tools.filter((t) => !("callbackUrl" in (t.inputSchema.properties ?? {})));
    const all: number[] = [];
    const rows: McpToolRow[] = [];
    for (const t of runnable) {
      const args = ids[t.name] ? { signalId: ids[t.name] } : {};
      const times: number[] = [];
      let reply = await call(client, t.name, args);
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        reply = await call(client, t.name, args);
        times.push(performance.now() - t0);
      }
      if (reply.isError) throw new Error(`${t.name} failed: ${reply.content[0]?.text}`);
      all.push(...times);
      const attachmentBytes = reply.content.filter((c) => c.type !== "text")
        .reduce((n, c) => n + Buffer.from(c.data ?? c.resource?.blob ?? "", "base64").length, 0);
      rows.push({ tool: t.name, p50Ms: round(quantile(times, 0.5)), replyBytes: replyBytes(reply), attachmentBytes });
    }
    const largest = rows.reduce((a, b) => (b.replyBytes > a.replyBytes ? b : a));
    return { rounds: ROUNDS, calls: all.length, p50Ms: round(quantile(all, 0.5)), p99Ms: round(quantile(all, 0.99)), largest, tools: rows };
  } finally {
    await close();
    await sim.close();
  }
}

/** The markdown the bench prints. */
export function mcpTable(r: Awaited<ReturnType<typeof benchMcp>>): string {
  const lines = [
    `Tool-call latency over ${r.calls} calls (${r.rounds} per tool, SDK client in memory, simulator on loopback): `
      + `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms. Largest default reply: ${r.largest.tool}, ${r.largest.replyBytes.toLocaleString("en-US")} bytes `
      + "(text + structured content; the limit is 25,000).",
    "",
    "| tool | p50 ms | default reply bytes | image/audio bytes |",
    "|---|---:|---:|---:|",
    ...r.tools.map((t) => `| ${t.tool} | ${t.p50Ms} | ${t.replyBytes.toLocaleString("en-US")} | ${t.attachmentBytes ? t.attachmentBytes.toLocaleString("en-US") : "-"} |`),
  ];
  return lines.join("\n");
}

// Standalone run (`tsx scripts/bench/mcp.ts`); importing it only defines `benchMcp`.
if (/bench\/mcp\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  benchMcp().then((r) => console.log(mcpTable(r)), (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
