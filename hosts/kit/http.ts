/** An HTTP request as an instant source receives it (Pipedream's shape), and the reply it gives. */

export interface HttpResponseSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpEvent {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyRaw: string;
  body: unknown;
}
