/**
 * `withings-mcp login`: the authorization-code flow of the runner (`authorize`), with the prompts on stderr
 * and the redirect address pasted on stdin, so it works whatever redirect URI Withings accepts. The tokens
 * go to the owner-only token file; they are never printed.
 */
import { authorize, oauthApp } from "../../../runner/auth";
import { readLine } from "../../../runner/args";
import { requireClient, TokenStore } from "../../../runner/tokens";
import { APP } from "./account";
import { tokenFileOf, type Env } from "./config";

/** `readRedirect` gets the authorization URL (a test follows it); by default the user pastes the redirect on stdin. */
export async function login(env: Env, log: (line: string) => void,
  readRedirect: (authorizationUrl: string) => Promise<string> = () => readLine()): Promise<number> {
  const creds = requireClient({ clientId: env.WITHINGS_CLIENT_ID, clientSecret: env.WITHINGS_CLIENT_SECRET });
  const redirectUri = env.WITHINGS_REDIRECT_URI;
  if (!redirectUri) {
    throw new Error("Missing the redirect URI: set WITHINGS_REDIRECT_URI to the callback URL registered with your Withings app.");
  }
  const store = new TokenStore(tokenFileOf(env));
  const tokens = await authorize({
    app: oauthApp(APP, { baseUrl: env.WITHINGS_API_URL, authorizeUrl: env.WITHINGS_AUTHORIZE_URL }),
    ...creds,
    redirectUri,
    store,
    obtainRedirect: async (url) => {
      log("1. Open this address in a browser and allow access:\n");
      log(`   ${url}\n`);
      log("2. Withings then sends the browser to your redirect URI. Paste that whole address here and press Enter");
      log("   (the code in it is valid for 30 seconds):");
      const line = await readRedirect(url);
      if (!line) throw new Error("No redirect address was given.");
      return line;
    },
  });
  log(`Connected Withings user ${tokens.userid}. Tokens are stored owner-only in ${store.path}; the server refreshes them `
    + "and writes each rotated refresh token back before using it.");
  return 0;
}
