/**
 * The built bin spawned the way a desktop client runs it (`node dist/cli.js`, a bare environment, no
 * account): the first stderr line says it serves the simulator, and every stdout line is JSON-RPC.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const PKG = join(__dirname, "..");
let out: string;
let bin: string;
beforeAll(() => {
  // Its own build folder (inside the package, so the bin finds the SDK in node_modules), never dist/.
  out = join(PKG, `.dist-test-${process.pid}`);
  execFileSync(process.execPath, [join(PKG, "build.mjs"), "--outdir", out], { cwd: PKG });
  bin = join(out, "cli.js");
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const rpc = (id: number, method: string, params: object) => `${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`;

it("speaks only JSON-RPC on stdout and logs to stderr", async () => {
  const home = mkdtempSync(join(tmpdir(), "withings-mcp-home-"));
  const child = spawn(process.execPath, [bin], {
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, ".config") },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on("line", (l) => stderr.push(l));
  const replies = new Map<number, (msg: any) => void>();
  createInterface({ input: child.stdout }).on("line", (l) => {
    lines.push(l);
    try {
      const msg = JSON.parse(l);
      replies.get(msg.id)?.(msg);
    } catch { /* judged below with every other line */ }
  });
  const ask = (id: number, method: string, params: object) => new Promise<any>((resolve) => {
    replies.set(id, resolve);
    child.stdin.write(rpc(id, method, params));
  });
  const init = await ask(1, "initialize", {
    protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "desktop-like", version: "1.0.0" },
  });
  expect(init.result.serverInfo).toEqual({ name: "withings", version: expect.any(String) });
  child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  const list = await ask(2, "tools/list", {});
  expect(list.result.tools.map((t: { name: string }) => t.name)).toContain("withings_get_measures");
  const called = await ask(3, "tools/call", { name: "withings_list_devices", arguments: {} });
  expect(called.result.structuredContent.summary).toMatch(/^Found \d+ devices$/);
  const bad = await ask(4, "tools/call", { name: "withings_get_measures", arguments: { maxResults: 0 } });
  expect(bad.result.isError).toBe(true);
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  rmSync(home, { recursive: true, force: true });

  expect(code).toBe(0);
  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (const l of lines) expect(JSON.parse(l)).toMatchObject({ jsonrpc: "2.0" });
  expect(stderr[0]).toMatch(/^withings-mcp: no Withings account configured, so this serves the embedded Withings simulator and its demo account/);
  expect(stderr).toContainEqual(expect.stringMatching(/^withings-mcp: ready, serving the embedded Withings simulator at http:\/\/127\.0\.0\.1:\d+ with its demo account/));
  expect(stderr.join("\n")).toContain("withings_list_devices ok");
}, 60_000);
