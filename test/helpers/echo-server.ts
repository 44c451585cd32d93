import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a hostile or broken Withings does with a request: every mode echoes what it received where it can. */
export type EchoMode =
  | { kind: "envelope"; status: number }
  | { kind: "http"; httpStatus: number; json: boolean }
  | { kind: "not-json" }
  | { kind: "no-status" }
  | { kind: "bad-shape" }
  | { kind: "hang" }
  | { kind: "reset" };

/** A request as received: method, path, every header and the raw body. */
export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/**
 * Every form a secret can take in an echo: the raw request (the form body is URL-encoded, so a secret with
 * `+` or `/` appears as `%2B`, `%2F`), the decoded fields, and PHP-style JSON (`\/`, `\"`) of both.
 */
export function echoText(r: Received): string {
  const fields = Object.fromEntries(new URLSearchParams(r.raw));
  const php = (v: unknown) => JSON.stringify(v).replace(/\//g, "\\/");
  return [r.raw, JSON.stringify(r.headers), JSON.stringify(fields), php(fields), php(r.headers), php(php(fields))].join(" | ");
}

function answer(mode: EchoMode, r: Received, res: ServerResponse): void {
  const echo = echoText(r);
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  switch (mode.kind) {
    case "envelope":
      return json(200, { status: mode.status, body: { echo }, error: echo });
    case "http":
      if (!mode.json) {
        res.writeHead(mode.httpStatus, { "Content-Type": "text/plain", "X-Echo": encodeURIComponent(r.raw) });
        res.end(echo);
        return;
      }
      return json(mode.httpStatus, { error: echo, request: r, fields: Object.fromEntries(new URLSearchParams(r.raw)) });
    case "not-json":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<html>${echo}`);
      return;
    case "no-status":
      return json(200, { echo, request: r });
    case "bad-shape":
      // A success whose every list is an object carrying the echo, and whose goals are a string.
      return json(200, {
        status: 0,
        body: {
          ...Object.fromEntries(["measuregrps", "activities", "series", "devices", "signal", "profiles"].map((k) => [k, { echo }])),
          goals: echo,
        },
      });
    case "hang":
      return; // never answers
    case "reset":
      res.socket?.destroy();
      return;
  }
}

/**
 * Answers a request well instead of by the mode: returns the `body` of a success envelope, or undefined to
 * let the mode answer. Lets a test fail one call of an action while the calls before it succeed.
 */
export type Pass = (r: Received) => unknown;

/** A loopback HTTP server that answers every request according to the current `mode` (after `pass`, when set). */
export async function startEchoServer(): Promise<{ url: string; received: Received[]; mode: EchoMode; pass?: Pass; close(): Promise<void> }> {
  const state = { mode: { kind: "envelope", status: 401 } as EchoMode, received: [] as Received[], pass: undefined as Pass | undefined };
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") };
      state.received.push(r);
      open.add(res);
      res.on("close", () => open.delete(res));
      const body = state.pass?.(r);
      if (body === undefined) {
        answer(state.mode, r, res);
      } else {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ status: 0, body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: state.received,
    get mode() { return state.mode; },
    set mode(m: EchoMode) { state.mode = m; },
    get pass() { return state.pass; },
    set pass(p: Pass | undefined) { state.pass = p; },
    async close() {
      for (const res of open) res.socket?.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
