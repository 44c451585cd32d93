/** An SDK `Client` connected in memory to the server over a simulator, as the tests and the bench use it. */
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import type { Simulator, SimulatorOptions } from "../../../simulator/types";
import { startSimulator } from "../../../simulator/index";
import { simAccount, type Account } from "../src/account";
import { createServer, type ServerOptions } from "../src/server";

export interface Harness {
  client: Client;
  account: Account;
  sim: Simulator;
  close(): Promise<void>;
}

export async function connect(account: Account, opts: ServerOptions = {}): Promise<{ client: Client; close(): Promise<void> }> {
  const server = createServer(account, opts);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "withings-mcp-test", version: "0.0.0" });
  await Promise.all([client.connect(clientSide), server.connect(serverSide)]);
  return { client, close: async () => { await client.close(); await server.close(); } };
}

/** A simulator (seed 7), its demo account, a server and a client. */
export async function harness(simOpts: SimulatorOptions = {}, opts: ServerOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ seed: 7, allowLoopbackCallbacks: true, ...simOpts });
  const account = await simAccount({ sim });
  const { client, close } = await connect(account, opts);
  return { client, account, sim, close: async () => { await close(); await sim.close(); } };
}

export interface CallResult {
  content: Array<{ type: string; text?: string; data?: string; mimeType?: string; resource?: { blob: string; mimeType: string } }>;
  structuredContent?: Record<string, any>;
  isError?: boolean;
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallResult> {
  return await client.callTool({ name, arguments: args }) as unknown as CallResult;
}

/** Bytes of a reply's text and structured content (images and audio aside). */
export function replyBytes(r: CallResult): number {
  const text = r.content.filter((c) => c.type === "text").reduce((n, c) => n + Buffer.byteLength(c.text ?? ""), 0);
  return text + Buffer.byteLength(JSON.stringify(r.structuredContent ?? {}));
}
