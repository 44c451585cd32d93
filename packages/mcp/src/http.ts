/**
 * Streamable HTTP on 127.0.0.1 only, with DNS-rebinding protection: requests whose Host (or Origin) is not
 * a loopback name are refused with 403 before they reach the MCP handler.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMcpHandler } from "@modelcontextprotocol/server";
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from "@modelcontextprotocol/node";
import type { Account } from "./account";
import { createServer, type ServerOptions } from "./server";

export const MCP_PATH = "/mcp";

export async function serveHttp(account: Account, port: number, opts: ServerOptions = {}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const handler = toNodeHandler(createMcpHandler(() => createServer(account, opts)));
  const hostOk = localhostHostValidation();
  const originOk = localhostOriginValidation();
  const server = createHttpServer((req, res) => {
    if (!hostOk(req, res)) return;
    if (req.headers.origin && !originOk(req, res)) return;
    if (new URL(req.url ?? "/", "http://localhost").pathname !== MCP_PATH) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`Not found: the MCP endpoint is ${MCP_PATH}\n`);
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MCP_PATH}`;
  return { url, server, close: () => new Promise<void>((r) => server.close(() => r())) };
}
