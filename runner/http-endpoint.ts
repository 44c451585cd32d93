import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpEvent, HttpResponseSpec } from "../hosts/kit/http";

export type { HttpEvent, HttpResponseSpec } from "../hosts/kit/http";

/** The HTTP interface of an instant source, served on loopback the way Pipedream serves `http.endpoint`. */

export interface HttpEndpointOptions {
  /**
   * Run requests side by side, each answering through its own `respond` (the handler's second argument),
   * instead of one at a time through the shared `http.respond`.
   */
  concurrent?: boolean;
  /** Milliseconds from a request's arrival to its answer being written, for each request. */
  onAck?: (ms: number, method: string) => void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string): unknown {
  if (!raw) return undefined;
  if (contentType.includes("application/json")) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

/**
 * A loopback server whose URL is `http.endpoint`. Each request becomes `run(event)`. Without
 * `customResponse` it answers 200 at once, as Pipedream does; with it, the answer is what the run passes
 * to `respond` (200 if it never does). HEAD requests (Withings checks a callback URL with HEAD when
 * subscribing) are answered 200 without a run.
 */
export class HttpEndpoint {
  private server?: Server;
  private pending?: (res: HttpResponseSpec) => void;
  endpoint = "";
  constructor(
    private readonly handle: (event: HttpEvent, respond: (res: HttpResponseSpec) => void) => Promise<void>,
    private readonly customResponse: boolean,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly options: HttpEndpointOptions = {},
  ) {}

  /** What the component gets as `this.http`. */
  readonly iface = {
    endpoint: "",
    respond: (res: HttpResponseSpec) => this.pending?.(res),
  };

  private chain: Promise<void> = Promise.resolve();
  private running = new Set<Promise<void>>();

  /** Resolves once every request received so far has been run. */
  async idle(): Promise<void> {
    await this.chain;
    while (this.running.size) await Promise.all([...this.running]);
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const arrived = performance.now();
      if (this.options.concurrent) {
        const run = this.serve(req, res, arrived).catch(this.onError);
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
        return;
      }
      // One at a time, so the shared `http.respond` always answers the request being run.
      this.chain = this.chain.then(() => this.serve(req, res, arrived)).catch(this.onError);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${bound}/`;
    this.iface.endpoint = this.endpoint;
    return this.endpoint;
  }

  private async serve(req: IncomingMessage, res: ServerResponse, arrived: number): Promise<void> {
    const send = (spec: HttpResponseSpec) => {
      if (res.headersSent) return;
      const body = spec.body === undefined ? "" : typeof spec.body === "string" || Buffer.isBuffer(spec.body)
        ? spec.body : JSON.stringify(spec.body);
      res.writeHead(spec.status ?? 200, spec.headers ?? {});
      this.options.onAck?.(performance.now() - arrived, req.method ?? "");
      res.end(body);
    };
    if (req.method === "HEAD") return send({ status: 200 });
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.endpoint);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : String(v ?? "");
    const event: HttpEvent = {
      method: req.method ?? "POST",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      bodyRaw: raw,
      body: parseBody(raw, headers["content-type"] ?? ""),
    };
    if (!this.customResponse) send({ status: 200, body: { success: true } });
    if (!this.options.concurrent) this.pending = send;
    try {
      await this.handle(event, send);
      send({ status: 200 });
    } catch (err) {
      send({ status: 500, body: { error: "source run failed" } });
      this.onError(err);
    } finally {
      if (!this.options.concurrent) this.pending = undefined;
    }
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
