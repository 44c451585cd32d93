/** `--http`: Streamable HTTP on 127.0.0.1, refusing requests whose Host or Origin is not loopback. */
import { request } from "node:http";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startSimulator } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/types";
import { simAccount } from "../src/account";
import { serveHttp } from "../src/http";

let sim: Simulator;
let http: Awaited<ReturnType<typeof serveHttp>>;
beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
  http = await serveHttp(await simAccount({ sim }), 0);
});
afterAll(async () => {
  await http.close();
  await sim.close();
});

it("listens on loopback only, at /mcp", () => {
  expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  expect(http.server.address()).toMatchObject({ address: "127.0.0.1" });
});

it("serves the tools to an SDK client", async () => {
  const client = new Client({ name: "http-test", version: "0.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toContain("withings_get_sleep_summary");
  const r = await client.callTool({ name: "withings_get_goals", arguments: {} }) as { structuredContent?: { summary: string } };
  expect(r.structuredContent!.summary).toMatch(/^Goals: /);
  await client.close();
});

/** A raw POST (fetch may not set Host), answering the HTTP status. */
function post(headers: Record<string, string>): Promise<number> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: {} });
  return new Promise((resolve, reject) => {
    const req = request(http.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}

it("refuses a foreign Host header (DNS rebinding) and a foreign Origin with 403", async () => {
  const port = new URL(http.url).port;
  expect(await post({ host: `evil.example:${port}` })).toBe(403);
  expect(await post({ host: `127.0.0.1:${port}`, origin: "https://evil.example" })).toBe(403);
  expect(await post({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).not.toBe(403);
});
