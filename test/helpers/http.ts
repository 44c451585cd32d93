import nock from "nock";

export const BASE = "https://wbsapi.withings.net";
export const TOKEN = "tok_live_3f9a8c7e5d1b2a4f";

export interface RecordedRequest {
  path: string;
  method: string;
  form: Record<string, string>;
  headers: Record<string, string>;
  contentType: string;
}

export interface Reply {
  path: string;
  /** An envelope object, or a function of the parsed form body. A string is sent as is (malformed JSON). */
  body: unknown | ((form: Record<string, string>) => unknown);
  httpStatus?: number;
}

/**
 * Intercepts Withings at the HTTP level, answers the queued replies in order, and records every
 * request (path, form fields, headers) for exact assertions. Unqueued requests fail the test.
 */
export function mockWithings(replies: Reply[], base = BASE): { requests: RecordedRequest[]; pending(): string[] } {
  const requests: RecordedRequest[] = [];
  const scope = nock(base);
  // A reply queued several times in a row is one interceptor used that many times: nock looks through every
  // queued interceptor on each request, so a thousand separate ones make a long test slow.
  for (let i = 0; i < replies.length;) {
    const r = replies[i];
    let times = 1;
    while (replies[i + times] === r) times++;
    i += times;
    scope.post(r.path).times(times).reply(function (_uri, rawBody) {
      const raw = typeof rawBody === "string" ? rawBody : new URLSearchParams(rawBody as Record<string, string>).toString();
      const form = Object.fromEntries(new URLSearchParams(raw));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : String(v);
      requests.push({ path: r.path, method: "POST", form, headers, contentType: headers["content-type"] ?? "" });
      const body = typeof r.body === "function" ? (r.body as (f: Record<string, string>) => unknown)(form) : r.body;
      return [r.httpStatus ?? 200, typeof body === "string" ? body : JSON.stringify(body), { "Content-Type": "application/json" }];
    });
  }
  return { requests, pending: () => scope.pendingMocks() };
}

export function resetHttp(): void {
  nock.cleanAll();
}
