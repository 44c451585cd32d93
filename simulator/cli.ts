import { startSimulator } from "./index";

/** `npx tsx simulator/cli.ts [--port 8787] [--seed 42] [--rate-limit 120] [--page-size 50] [--allow-loopback-callbacks]` */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function num(name: string): number | undefined {
  const v = arg(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    console.error(`--${name} expects a number, got "${v}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const sim = await startSimulator({
    port: num("port") ?? 8787,
    seed: num("seed"),
    rateLimitPerMinute: num("rate-limit"),
    pageSize: num("page-size"),
    allowLoopbackCallbacks: process.argv.includes("--allow-loopback-callbacks"),
  });
  const tokens = sim.issueTokens();
  console.log([
    `Withings simulator listening on ${sim.url}`,
    `  API base URL      ${sim.url}   (e.g. WITHINGS_API_URL=${sim.url})`,
    `  authorize URL     ${sim.url}/oauth2_user/authorize2`,
    `  client id         ${sim.client.clientId}`,
    `  client secret     ${sim.client.clientSecret}`,
    `  redirect URI      ${sim.client.redirectUri}`,
    `  demo user id      ${sim.demoUserId}`,
    `  access token      ${tokens.access_token}   (valid ${tokens.expires_in / 3600} h of simulator time)`,
    `  refresh token     ${tokens.refresh_token}`,
    "Press Ctrl+C to stop.",
  ].join("\n"));
  const stop = () => {
    sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
