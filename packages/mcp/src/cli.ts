#!/usr/bin/env node
/**
 * `withings-mcp`: the MCP server over stdio (default) or Streamable HTTP, or `login`. stdout carries only
 * the protocol: every log line, including the first one saying which account is served, goes to stderr.
 */
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { redact } from "../../../common/errors";
import { realAccount, simAccount, type Account } from "./account";
import { parseSettings, tokenFileOf, USAGE, wantsRealAccount, type Env } from "./config";
import { serveHttp } from "./http";
import { login } from "./login";
import { createServer, type ServerOptions } from "./server";

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function openAccount(demo: boolean, env: Env): Promise<Account> {
  if (demo) return simAccount();
  return realAccount({
    tokenFile: tokenFileOf(env), clientId: env.WITHINGS_CLIENT_ID, clientSecret: env.WITHINGS_CLIENT_SECRET, baseUrl: env.WITHINGS_API_URL,
  });
}

export async function main(argv: string[], env: Env = process.env): Promise<number> {
  const settings = parseSettings(argv, env);
  if (settings.command === "help") {
    log(USAGE);
    return 0;
  }
  if (settings.command === "login") return login(env, log);
  // Anything a dependency prints must not reach the protocol stream.
  console.log = console.info = console.debug = (...a: unknown[]) => console.error(...a);
  const demo = settings.demo || !wantsRealAccount(env);
  log(demo
    ? "withings-mcp: no Withings account configured, so this serves the embedded Withings simulator and its demo account "
      + "(simulated data, not a real person's). Set WITHINGS_CLIENT_ID and WITHINGS_CLIENT_SECRET and run `withings-mcp login` "
      + "to use your own account."
    : `withings-mcp: serving the Withings account from the token file ${tokenFileOf(env)}.`);
  // The client gets its tools at once; the first tool call waits for the simulator (about a second) if needed.
  const ready = openAccount(demo, env);
  ready.then((account) => {
    if (account.sim) log(`withings-mcp: ready, serving ${account.description}.`);
    try {
      account.check();
    } catch (err) {
      log(`withings-mcp: ${(err as Error).message} Tools will say so until you run \`withings-mcp login\`.`);
    }
  }, (err: Error) => log(`withings-mcp: could not start: ${redact(err?.message ?? String(err), [env.WITHINGS_CLIENT_SECRET])}`));
  const opts: ServerOptions = {
    demo,
    audioAs: settings.audioAs,
    onCall: (e) => log(`withings-mcp: ${e.tool} ${e.isError ? "failed" : "ok"} in ${Math.round(e.ms)} ms`),
  };
  let stop: () => Promise<void>;
  if (settings.transport === "http") {
    const http = await serveHttp(await ready, settings.port, opts);
    log(`withings-mcp: Streamable HTTP on ${http.url} (loopback only)`);
    stop = http.close;
  } else {
    const handle = serveStdio(() => createServer(ready, opts));
    stop = () => handle.close();
    // The client closing stdin ends the session (and the embedded simulator with it).
    process.stdin.once("end", () => void shutdown());
  }
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await stop().catch(() => {});
    await ready.then((a) => a.close()).catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  return -1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exit(code);
  }, (err: Error) => {
    log(`withings-mcp: ${redact(err?.message ?? String(err), [process.env.WITHINGS_CLIENT_SECRET])}`);
    process.exit(1);
  });
}
