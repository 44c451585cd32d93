import type { IncomingMessage, ServerResponse } from "node:http";

/** Request parameters, merged from the query string and a form or JSON body. */
export type Params = Record<string, string>;

/** A Withings error: answered as HTTP 200 with `{status, body: {}, error}`. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const MESSAGES = {
  invalidToken: "XRequestID: Not provided invalid_token: The access token provided is invalid",
  tooMany: "Too Many Requests",
  timeout: "Timeout",
  notImplemented: (action: string, path: string) => `Not implemented: unknown action "${action}" for ${path}`,
  callback: "The callback URL is either unknown or invalid",
  cannotDelete: "Could not delete subscription",
  noSubscription: "No notification matching the criteria",
} as const;

export const invalidParams = (detail: string) => new ApiError(503, `Invalid Params: ${detail}`);

export function envelope(status: number, body: unknown, error?: string): string {
  return JSON.stringify(error === undefined ? { status, body } : { status, body: {}, error });
}

export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Form-urlencoded or JSON body (Withings accepts both); JSON arrays and objects are kept as JSON text. */
export function parseBody(raw: string, contentType: string | undefined): Params {
  const out: Params = {};
  const text = raw.trim();
  if (!text) return out;
  if ((contentType ?? "").includes("json") || text.startsWith("{")) {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      throw invalidParams("malformed JSON body");
    }
    if (obj && typeof obj === "object" && !Array.isArray(obj)) {
      for (const [k, v] of Object.entries(obj)) {
        if (v === null || v === undefined) continue;
        out[k] = typeof v === "object" ? (Array.isArray(v) ? v.join(",") : JSON.stringify(v)) : String(v);
      }
    }
    return out;
  }
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

export function sendJson(res: ServerResponse, text: string, httpStatus = 200): void {
  res.writeHead(httpStatus, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
