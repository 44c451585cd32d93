/**
 * The account the tools read: the embedded simulator's demo user (no configuration) or a real Withings
 * account from a token file. Either way the app's `_send` is `fetch` wrapped by the kit's refresh-once
 * logic, and refreshes store the rotated refresh token before the new access token is used.
 */
import app from "../../../components/withings/withings.app";
import type { Auth, ComponentLike } from "../../../hosts/kit";
import { fetchSend, refreshingSend, type Send, type TokenSource } from "../../../hosts/kit/transport";
import { oauthApp, type OAuthApp } from "../../../runner/auth";
import { simAuth, simEndpoints, simulatorLogin } from "../../../runner/targets";
import { requireClient, toStored, TokenStore, type StoredTokens } from "../../../runner/tokens";
import { startSimulator } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/types";
import { NotConnectedError } from "./errors";

export const APP = app as unknown as ComponentLike;

export interface Account {
  kind: "sim" | "real";
  /** For stderr; never holds a token. */
  description: string;
  /** The `$auth` components get (the access token itself is set per request by `send`). */
  auth: Auth;
  send: Send;
  /** Every secret known now, for scrubbing error texts. */
  secrets(): string[];
  /** What to tell a user whose authorization stopped working. */
  reconnect: string;
  /** Throws `NotConnectedError` before a call when no account is connected. */
  check(): void;
  sim?: Simulator;
  close(): Promise<void>;
}

/** Runs one refresh at a time in this process; concurrent callers share its result. */
function singleFlight(fn: (stale: string) => Promise<string>): (stale: string) => Promise<string> {
  let pending: Promise<string> | undefined;
  return (stale) => {
    pending ??= fn(stale).finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

/** Tokens kept in memory (the simulator's demo login). */
export class MemoryTokens implements TokenSource {
  readonly refresh: (stale: string) => Promise<string>;
  constructor(public tokens: StoredTokens, oauth: OAuthApp, client: { clientId: string; clientSecret: string }) {
    this.refresh = singleFlight(async (stale) => {
      if (this.tokens.access_token !== stale) return this.tokens.access_token;
      this.tokens = toStored(await oauth.refreshToken({ ...client, refreshToken: this.tokens.refresh_token }));
      return this.tokens.access_token;
    });
  }
  accessToken(): string {
    return this.tokens.access_token;
  }
}

/**
 * Tokens in the owner-only file of `TokenStore`, read on every request so that a refresh made by another
 * process is seen; a refresh runs under the store's lock and writes the rotated pair before returning.
 */
export class FileTokens implements TokenSource {
  readonly refresh: (stale: string) => Promise<string>;
  constructor(readonly store: TokenStore, oauth: OAuthApp, client: { clientId?: string; clientSecret?: string }) {
    this.refresh = singleFlight(async (stale) => {
      const current = this.current();
      if (current.access_token !== stale) return current.access_token;
      if (!client.clientId || !client.clientSecret) {
        throw new NotConnectedError("The Withings access token has expired and WITHINGS_CLIENT_ID / WITHINGS_CLIENT_SECRET are not set, so it cannot be refreshed.");
      }
      return (await this.store.refresh(oauth, requireClient(client))).access_token;
    });
  }
  current(): StoredTokens {
    let t: StoredTokens | undefined;
    try {
      t = this.store.read();
    } catch {
      throw new NotConnectedError(`The token file ${this.store.path} is not valid.`);
    }
    if (!t) throw new NotConnectedError(`No Withings account is connected (no tokens in ${this.store.path}).`);
    return t;
  }
  accessToken(): string {
    return this.current().access_token;
  }
  secrets(): string[] {
    try {
      const t = this.store.read();
      return t ? [t.access_token, t.refresh_token] : [];
    } catch {
      return [];
    }
  }
}

export interface RealOptions {
  tokenFile: string;
  clientId?: string;
  clientSecret?: string;
  /** API base (tests point it at a simulator); default Withings or WITHINGS_API_URL. */
  baseUrl?: string;
  authorizeUrl?: string;
}

export const LOGIN_HINT = "Run `npx withings-mcp login` in a terminal (with WITHINGS_CLIENT_ID, WITHINGS_CLIENT_SECRET "
  + "and WITHINGS_REDIRECT_URI set), then call the tool again.";

export function realAccount(opts: RealOptions): Account {
  const store = new TokenStore(opts.tokenFile);
  const tokens = new FileTokens(store, oauthApp(APP, { baseUrl: opts.baseUrl, authorizeUrl: opts.authorizeUrl }), opts);
  const auth: Auth = { oauth_access_token: "set-per-request" };
  if (opts.baseUrl) auth.base_url = opts.baseUrl;
  return {
    kind: "real",
    description: `Withings account from the token file ${store.path}`,
    auth,
    send: refreshingSend(fetchSend(), tokens),
    secrets: () => [...tokens.secrets(), opts.clientSecret ?? ""].filter(Boolean),
    reconnect: LOGIN_HINT,
    check: () => void tokens.current(),
    close: async () => {},
  };
}

/** Starts the embedded simulator and logs in to its demo account the way a user would. */
export async function simAccount(opts: { seed?: number; sim?: Simulator } = {}): Promise<Account> {
  const sim = opts.sim ?? await startSimulator({ seed: opts.seed, allowLoopbackCallbacks: true });
  try {
    const login = await simulatorLogin(APP, sim);
    const tokens = new MemoryTokens(login, oauthApp(APP, simEndpoints(sim)), sim.client);
    return {
      kind: "sim",
      description: `the embedded Withings simulator at ${sim.url} with its demo account (user ${login.userid}; simulated data, not a real person's)`,
      auth: { ...simAuth(sim, login), oauth_access_token: "set-per-request", oauth_refresh_token: "" },
      send: refreshingSend(fetchSend(), tokens),
      secrets: () => [tokens.tokens.access_token, tokens.tokens.refresh_token, sim.client.clientSecret],
      reconnect: "Restart the MCP server to log in to the simulator again.",
      check: () => {},
      sim,
      close: () => (opts.sim ? Promise.resolve() : sim.close()),
    };
  } catch (err) {
    if (!opts.sim) await sim.close();
    throw err;
  }
}
