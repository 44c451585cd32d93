import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator } from "../../simulator";

/** 2025-11-20T12:26:40Z: a fixed simulator clock for reproducible tests. */
export const NOW = 1_763_641_600;

export interface Envelope { status: number; body: any; error?: string }

/** POSTs a form body to the simulator and parses the envelope. */
export async function call(sim: Simulator, path: string, form: Record<string, string | number>, token?: string): Promise<Envelope> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await fetch(`${sim.url}${path}`, { method: "POST", headers, body });
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope;
}

export function sign(secret: string, values: Array<string | number>): string {
  return createHmac("sha256", secret).update(values.join(",")).digest("hex");
}

/** Gets a fresh nonce the way a client does: signed action, client_id, timestamp. */
export async function nonce(sim: Simulator): Promise<string> {
  const timestamp = sim.clock.now();
  const { clientId, clientSecret } = sim.client;
  const r = await call(sim, "/v2/signature", {
    action: "getnonce", client_id: clientId, timestamp, signature: sign(clientSecret, ["getnonce", clientId, timestamp]),
  });
  expect(r.status).toBe(0);
  return r.body.nonce;
}

/** Walks the authorize redirect and returns the code. */
export async function authorize(sim: Simulator, extra: Record<string, string> = {}): Promise<{ code: string; state: string; location: URL }> {
  const q = new URLSearchParams({
    response_type: "code", client_id: sim.client.clientId, redirect_uri: sim.client.redirectUri,
    scope: "user.info,user.metrics,user.activity", state: "st-123", ...extra,
  });
  const res = await fetch(`${sim.url}/oauth2_user/authorize2?${q}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location")!);
  return { code: location.searchParams.get("code")!, state: location.searchParams.get("state")!, location };
}

export interface Hook { url: string; hits: Array<{ method: string; form: Record<string, string> }>; respond: (method: string) => number; close(): Promise<void> }

/** A local webhook endpoint recording HEAD and POST calls; `respond` picks the status (negative: never answer). */
export async function webhook(respond: (method: string) => number = () => 200): Promise<Hook> {
  const hits: Hook["hits"] = [];
  const hook = { respond } as Hook;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      hits.push({ method: req.method ?? "", form: Object.fromEntries(new URLSearchParams(raw)) });
      const status = hook.respond(req.method ?? "");
      if (status > 0) res.writeHead(status).end(); // a negative status never answers
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/withings/hook`;
  hook.hits = hits;
  hook.close = () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
  return hook;
}
