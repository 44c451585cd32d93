import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Faults } from "./faults";
import { ApiError, MESSAGES, envelope, parseBody, readBody, sendJson, type Params } from "./http-util";
import type { Notifier } from "./notify";
import type { OAuth } from "./oauth";
import type { Store } from "./store";
import type { FaultKind, RequestLogEntry, SimClock } from "./types";
import * as heart from "./services/heart";
import * as measure from "./services/measure";
import * as measureV2 from "./services/measure-v2";
import * as notify from "./services/notify";
import type { Action } from "./services/params";
import * as sleep from "./services/sleep";
import * as stetho from "./services/stetho";
import * as user from "./services/user";

/** Data services (Bearer token) and their actions. getmeas is also answered on /v2/measure. */
const SERVICES: Record<string, Record<string, Action>> = {
  "/measure": { getmeas: measure.getmeas },
  "/v2/measure": { getmeas: measure.getmeas, ...measureV2 },
  "/v2/sleep": { get: sleep.get, getsummary: sleep.getsummary },
  "/v2/heart": { list: heart.list, get: heart.get },
  "/v2/stetho": { list: stetho.list, get: stetho.get },
  "/v2/user": { getdevice: user.getdevice, getgoals: user.getgoals },
  "/notify": { subscribe: notify.subscribe, list: notify.list, get: notify.get, revoke: notify.revoke, update: notify.update },
};

export const AUTHORIZE_PATH = "/oauth2_user/authorize2";
const SLOW_MS = 2600;

export interface ServerState {
  clock: SimClock;
  store: Store;
  oauth: OAuth;
  notifier: Notifier;
  faults: Faults;
  requests: RequestLogEntry[];
  pageSize: number;
  rateLimitPerMinute: number;
}

interface Outcome { text: string; httpStatus?: number; status: number; headers?: Record<string, string> }

const ok = (body: unknown): Outcome => ({ text: envelope(0, body), status: 0 });
const fail = (e: ApiError): Outcome => ({ text: envelope(e.status, {}, e.message), status: e.status });

export function createSimServer(state: ServerState): Server {
  const windows = new Map<string, number[]>();

  /** Counts a request against the client's rolling minute; false when over the limit. */
  function withinRate(clientId: string): boolean {
    if (state.rateLimitPerMinute <= 0) return true;
    const now = state.clock.now();
    const recent = (windows.get(clientId) ?? []).filter((t) => t > now - 60);
    const allowed = recent.length < state.rateLimitPerMinute;
    if (allowed) recent.push(now);
    windows.set(clientId, recent);
    return allowed;
  }

  async function route(req: IncomingMessage, path: string, url: URL, params: Params): Promise<Outcome> {
    const action = params.action ?? "";
    if (path === "/v2/oauth2" || path === "/v2/signature") {
      if (params.client_id && !withinRate(params.client_id)) throw new ApiError(601, MESSAGES.tooMany);
      const body = path === "/v2/signature"
        ? (action === "getnonce" ? state.oauth.getnonce(params) : undefined)
        : state.oauth.oauth2(action, params);
      if (body === undefined) throw new ApiError(2554, MESSAGES.notImplemented(action, path));
      return ok(body);
    }
    const actions = SERVICES[path];
    if (!actions) throw new ApiError(2554, MESSAGES.notImplemented(action, path));
    const header = req.headers.authorization ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? params.access_token;
    const grant = state.oauth.authenticate(token);
    if (!grant) throw new ApiError(401, MESSAGES.invalidToken);
    if (!withinRate(grant.clientId)) throw new ApiError(601, MESSAGES.tooMany);
    const handler = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (!handler) throw new ApiError(2554, MESSAGES.notImplemented(action, path));
    state.store.ensureUser(grant.userid);
    const body = await handler({
      params, userid: grant.userid, clientId: grant.clientId, scopes: grant.scopes, now: state.clock.now(), store: state.store,
      notifier: state.notifier, pageSize: state.pageSize,
    });
    return ok(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const log = (action: string, status: number) => state.requests.push({ path, action, status, at: state.clock.now() });

    if (path === AUTHORIZE_PATH) {
      try {
        const location = state.oauth.authorize(query);
        log("authorize", 302);
        res.writeHead(302, { location }).end();
      } catch (e) {
        const out = fail(asApiError(e));
        log("authorize", out.status);
        sendJson(res, out.text);
      }
      return;
    }

    let params: Params = {};
    let out: Outcome;
    let fault: FaultKind | undefined;
    try {
      const body = parseBody(await readBody(req), req.headers["content-type"]);
      // Token and signature calls read the body, plus an `action` in the query string (the token URL
      // `/v2/oauth2?action=requesttoken` that OAuth clients with a fixed form body use); data calls also
      // take query-string params.
      params = path === "/v2/oauth2" || path === "/v2/signature"
        ? { ...(query.action ? { action: query.action } : {}), ...body }
        : { ...query, ...body };
      fault = state.faults.pick({ path, action: params.action ?? "", paged: !!params.offset && params.offset !== "0" });
      if (fault === "rate_limit") throw new ApiError(601, MESSAGES.tooMany);
      if (fault === "timeout") throw new ApiError(522, MESSAGES.timeout);
      if (fault === "invalid_token") throw new ApiError(401, MESSAGES.invalidToken);
      if (fault === "http_500") {
        out = { text: "<html><body><h1>500 Internal Server Error</h1></body></html>", httpStatus: 500, status: 500, headers: { "content-type": "text/html" } };
      } else {
        if (fault === "slow") await new Promise((r) => setTimeout(r, SLOW_MS));
        out = await route(req, path, url, params);
      }
    } catch (e) {
      out = fail(asApiError(e));
    }
    if (fault === "malformed_json") out = { ...out, text: out.text.slice(0, Math.max(1, Math.floor(out.text.length / 2))) };
    log(params.action ?? "", out.status);
    if (res.destroyed) return;
    if (out.headers) {
      res.writeHead(out.httpStatus ?? 200, out.headers).end(out.text);
    } else {
      sendJson(res, out.text, out.httpStatus ?? 200);
    }
  }

  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) sendJson(res, envelope(2555, {}, `Unknown error: ${(e as Error).message}`));
    });
  });
}

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(2555, `Unknown error: ${(e as Error)?.message ?? String(e)}`);
}
