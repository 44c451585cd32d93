/**
 * The OAuth 2.0 authorization-code flow, through the app's own methods: build the authorization URL,
 * get the redirect back (pasted by the user, or followed without a browser against the simulator),
 * check `state` in constant time, and exchange the code at once (Withings codes live 30 seconds).
 */
import { parseRedirect } from "../common/oauth";
import { appInstance, type ComponentLike } from "./platform";
import { toStored, type StoredTokens, type TokenResponse, type TokenStore } from "./tokens";

export interface OAuthApp {
  buildAuthorizationUrl(o: { clientId: string; redirectUri: string; scopes?: readonly string[]; state?: string; demo?: boolean }): { url: string; state: string };
  verifyState(expected: string, received: string | null | undefined): boolean;
  exchangeCode(o: { clientId: string; clientSecret: string; code: string; redirectUri: string; useSignature?: boolean }): Promise<TokenResponse>;
  refreshToken(o: { clientId: string; clientSecret: string; refreshToken: string }): Promise<TokenResponse>;
}

export interface Endpoints {
  /** API base (token calls go to `${base}/v2/oauth2`); undefined = Withings (or WITHINGS_API_URL). */
  baseUrl?: string;
  authorizeUrl?: string;
}

/** The app's methods with `$auth` carrying only the endpoint overrides (no token is needed to log in). */
export function oauthApp(app: ComponentLike, endpoints: Endpoints = {}): OAuthApp {
  const auth: Record<string, unknown> & { oauth_access_token: string } = { oauth_access_token: "" };
  if (endpoints.baseUrl) auth.base_url = endpoints.baseUrl;
  if (endpoints.authorizeUrl) auth.authorize_url = endpoints.authorizeUrl;
  return appInstance(app, auth) as unknown as OAuthApp;
}

export class StateMismatchError extends Error {
  override name = "StateMismatchError";
}

export interface AuthFlowOptions {
  app: OAuthApp;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes?: readonly string[];
  demo?: boolean;
  /** Gets the URL the browser was redirected to, given the authorization URL. */
  obtainRedirect(authorizationUrl: string): Promise<string>;
  /** Where to keep the tokens; without it they are only returned. */
  store?: TokenStore;
}

export async function authorize(opts: AuthFlowOptions): Promise<StoredTokens> {
  const { app, clientId, clientSecret, redirectUri } = opts;
  const { url, state } = app.buildAuthorizationUrl({ clientId, redirectUri, scopes: opts.scopes, demo: opts.demo });
  const redirect = (await opts.obtainRedirect(url)).trim();
  let parsed: ReturnType<typeof parseRedirect>;
  try {
    parsed = parseRedirect(redirect);
  } catch {
    throw new Error("That is not a URL. Paste the whole address of the page Withings redirected to.");
  }
  if (parsed.error) throw new Error(`Withings refused the authorization: ${parsed.error}`);
  // Refuse before spending the code: a wrong state means the redirect is not the answer to our request.
  if (!app.verifyState(state, parsed.state)) {
    throw new StateMismatchError("The state in the redirect URL does not match the one sent. Start again with a new authorization URL.");
  }
  if (!parsed.code) throw new Error("The redirect URL has no code parameter.");
  const body = await app.exchangeCode({ clientId, clientSecret, code: parsed.code, redirectUri });
  const tokens = toStored(body);
  opts.store?.write(tokens);
  return tokens;
}

/** Follows the authorize URL's 302 without a browser (the simulator has no login page). */
export async function followRedirect(authorizationUrl: string): Promise<string> {
  const res = await fetch(authorizationUrl, { redirect: "manual" });
  const location = res.headers.get("location");
  await res.body?.cancel();
  if (res.status !== 302 || !location) throw new Error(`The authorize endpoint answered HTTP ${res.status} without a redirect`);
  return location;
}
