/**
 * The MCP server as a desktop client sees it: spawns the built `withings-mcp` bin over stdio with no
 * account configured (so it serves the embedded simulator), lists the tools and makes a few tool calls.
 *
 *   npm run mcp:demo        (builds packages/mcp/dist/cli.js first)
 */
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";

type Reply = { content: Array<{ type: string; text?: string; data?: string; mimeType?: string }>; isError?: boolean };

const BIN = join(__dirname, "..", "packages", "mcp", "dist", "cli.js");
const say = (s = "") => process.stdout.write(`${s}\n`);

function show(name: string, args: object, r: Reply): void {
  say(`\n> tools/call ${name} ${JSON.stringify(args)}${r.isError ? "  (isError)" : ""}`);
  const [summary, json] = r.content.filter((c) => c.type === "text").map((c) => c.text ?? "");
  say(summary.split("\n").map((l) => `  ${l}`).join("\n"));
  if (json) say(`  structured: ${json.length > 300 ? `${json.slice(0, 300)}… (${json.length} bytes)` : json}`);
  for (const c of r.content.filter((x) => x.type !== "text")) {
    say(`  + ${c.type} ${c.mimeType}, ${Buffer.from(c.data ?? "", "base64").length.toLocaleString("en-US")} bytes`);
  }
}

async function main(): Promise<void> {
  // Only PATH and HOME, as a desktop client passes; a fresh config folder so no token file is found.
  const transport = new StdioClientTransport({
    command: process.execPath, args: [BIN], stderr: "inherit",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", XDG_CONFIG_HOME: join(__dirname, "..", ".withings-runner", "mcp-demo") },
  });
  const client = new Client({ name: "mcp-demo", version: "0.0.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  say(`\n${tools.length} tools: ${tools.map((t) => t.name).join(", ")}`);
  const ask = async (name: string, args: Record<string, unknown>) => {
    const r = await client.callTool({ name, arguments: args }) as unknown as Reply & { structuredContent?: any };
    show(name, args, r);
    return r;
  };
  await ask("withings_get_measures", { measureTypes: [9, 10, 11], max_records: 3 });
  const ecgs = await ask("withings_list_ecg_recordings", {});
  await ask("withings_get_ecg_signal", { signalId: ecgs.structuredContent.records[0].signalid });
  await ask("withings_get_measures", { maxResults: 0 });
  await client.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
