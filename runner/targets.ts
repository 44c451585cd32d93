/**
 * Where a run goes: the embedded simulator (default, no account needed) or the real Withings API with
 * an access token from WITHINGS_ACCESS_TOKEN or a token file written by the auth command.
 */
import { join } from "node:path";
import { SCOPES } from "../common/oauth";
import { startSimulator } from "../simulator/index";
import type { Simulator } from "../simulator/types";
import { authorize, followRedirect, oauthApp } from "./auth";
import type { Auth, ComponentLike } from "./platform";
import { stateDir } from "./state";
import { TokenStore, type ClientConfig, type StoredTokens } from "./tokens";

export interface Target {
  kind: "sim" | "real";
  auth: Auth;
  /** Printed to the user; never contains a token. */
  description: string;
  /** Every secret this target knows, for scrubbing output. */
  secrets: string[];
  sim?: Simulator;
  close(): Promise<void>;
}

export interface TargetOptions {
  real?: boolean;
  tokenFile?: string;
  stateDir?: string;
  seed?: number;
  env?: Record<string, string | undefined>;
}

export function defaultTokenFile(dir?: string): string {
  return join(stateDir(dir), "tokens.json");
}

export function clientFromEnv(env: Record<string, string | undefined> = process.env, flags: ClientConfig & { redirectUri?: string } = {}) {
  return {
    clientId: flags.clientId || env.WITHINGS_CLIENT_ID,
    clientSecret: flags.clientSecret || env.WITHINGS_CLIENT_SECRET,
    redirectUri: flags.redirectUri || env.WITHINGS_REDIRECT_URI,
  };
}

/** Endpoints of the simulator as the app's `$auth` overrides. */
export function simEndpoints(sim: Simulator) {
  return { baseUrl: sim.url, authorizeUrl: `${sim.url}/oauth2_user/authorize2` };
}

/** Logs in to the simulator the way a user would: authorize → 302 → state check → code exchange. */
export async function simulatorLogin(app: ComponentLike, sim: Simulator, scopes: readonly string[] = SCOPES): Promise<StoredTokens> {
  return authorize({
    app: oauthApp(app, simEndpoints(sim)),
    clientId: sim.client.clientId,
    clientSecret: sim.client.clientSecret,
    redirectUri: sim.client.redirectUri,
    scopes,
    obtainRedirect: followRedirect,
  });
}

export function simAuth(sim: Simulator, tokens: StoredTokens): Auth {
  return {
    oauth_access_token: tokens.access_token,
    oauth_refresh_token: tokens.refresh_token,
    oauth_uid: tokens.userid,
    base_url: sim.url,
    authorize_url: simEndpoints(sim).authorizeUrl,
  };
}

/** Decides the target: real when asked (`--real`, `--token-file`) or when WITHINGS_ACCESS_TOKEN is set. */
export async function openTarget(app: ComponentLike, opts: TargetOptions = {}): Promise<Target> {
  const env = opts.env ?? process.env;
  const envToken = env.WITHINGS_ACCESS_TOKEN;
  if (opts.real || opts.tokenFile || envToken) {
    if (envToken && !opts.tokenFile) {
      return {
        kind: "real",
        auth: { oauth_access_token: envToken },
        description: "Withings API (access token from WITHINGS_ACCESS_TOKEN)",
        secrets: [envToken],
        close: async () => {},
      };
    }
    const store = new TokenStore(opts.tokenFile ?? defaultTokenFile(opts.stateDir));
    const client = clientFromEnv(env);
    const { tokens, refreshed } = await store.fresh(oauthApp(app), client);
    return {
      kind: "real",
      auth: { oauth_access_token: tokens.access_token, oauth_refresh_token: tokens.refresh_token, oauth_uid: tokens.userid },
      description: `Withings API (tokens from ${store.path}${refreshed ? ", refreshed" : ""})`,
      secrets: [tokens.access_token, tokens.refresh_token, client.clientSecret ?? ""].filter(Boolean),
      close: async () => {},
    };
  }
  const sim = await startSimulator({ seed: opts.seed, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0, 200, 500] });
  try {
    const tokens = await simulatorLogin(app, sim);
    return {
      kind: "sim",
      auth: simAuth(sim, tokens),
      description: `Withings simulator at ${sim.url} (demo user ${tokens.userid})`,
      secrets: [tokens.access_token, tokens.refresh_token, sim.client.clientSecret],
      sim,
      close: () => sim.close(),
    };
  } catch (err) {
    await sim.close();
    throw err;
  }
}

/** Replaces every known secret in a text. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
