/** The Zapier integration under Zapier's app tester, against the embedded simulator. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as zapier from "zapier-platform-core";
import { buildApp } from "../src/app";
import { startSim } from "../../../test/e2e/sim-helpers";
import type { Simulator } from "../../../simulator/types";

export const App = buildApp(zapier.version);
export const appTester = zapier.createAppTester(App);

/** A simulator with the integration's environment pointed at it (API base, authorize URL, client). */
export async function startZapierSim(opts: Parameters<typeof startSim>[0] = {}): Promise<Simulator> {
  const sim = await startSim({ rateLimitPerMinute: 0, ...opts });
  process.env.WITHINGS_API_URL = sim.url;
  process.env.WITHINGS_AUTHORIZE_URL = `${sim.url}/oauth2_user/authorize2`;
  process.env.CLIENT_ID = sim.client.clientId;
  process.env.CLIENT_SECRET = sim.client.clientSecret;
  return sim;
}

export async function stopZapierSim(sim: Simulator): Promise<void> {
  delete process.env.WITHINGS_API_URL;
  delete process.env.WITHINGS_AUTHORIZE_URL;
  delete process.env.CLIENT_ID;
  delete process.env.CLIENT_SECRET;
  await sim.close();
}

/** A Zapier connection's authData for the demo user, as getAccessToken stores it. */
export function authData(sim: Simulator): Record<string, string> {
  const t = sim.issueTokens();
  return { access_token: t.access_token, refresh_token: t.refresh_token, userid: String(t.userid) };
}

/** A stand-in for Zapier's hook URLs: answers HEAD (Withings' check) and keeps every POST body. */
export interface HookServer { url: string; posts: Array<{ path: string; body: string }>; close(): Promise<void> }

export async function hookServer(): Promise<HookServer> {
  const posts: Array<{ path: string; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      if (req.method === "POST") posts.push({ path: req.url ?? "/", body });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The error an app tester call rejects with. */
export async function failure(p: Promise<unknown>): Promise<Error & { name: string }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { name: string };
  }
  throw new Error("expected the call to fail");
}
