/**
 * The package's tour, with no account and no network: builds the components, starts the Withings
 * simulator on loopback, walks the OAuth flow against it, runs every action, deploys every source,
 * lets the simulator record new data, runs every source once, and prints each `$summary` with a sample.
 *
 *   npx tsx scripts/demo.ts
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SCOPES } from "../common/oauth";
import { addDays, ymdInZone, zonedEpoch } from "../common/dates";
import { startSimulator } from "../simulator/index";
import { realisticNight } from "../simulator/demo-data";
import type { Simulator } from "../simulator/types";
import { authorize, followRedirect, oauthApp } from "../runner/auth";
import { DIST, listComponents, loadComponent, ROOT, type ComponentRef } from "../runner/components";
import { ms } from "../runner/format";
import {
  HttpEndpoint, httpPropName, SourceHost, wantsCustomResponse, type Auth, type ComponentLike, type RunResult,
} from "../runner/platform";
import { simAuth, simEndpoints } from "../runner/targets";
import { printSignalFiles, recordNewStetho } from "./demo/signals";
import { instantPath } from "./demo/instant";
import { demoProps, log, printEvents, say, showAction, type Outcome } from "./demo/print";

/** Actions that create something run first and those that remove it last, so each has what it needs. */
function order(refs: ComponentRef[]): ComponentRef[] {
  const rank = (slug: string) => (/^(subscribe|create|add)/.test(slug) ? 0 : /^(revoke|delete|remove)/.test(slug) ? 2 : 1);
  return [...refs].sort((a, b) => rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
}

async function login(app: ComponentLike, sim: Simulator): Promise<Auth> {
  log("OAuth 2.0 against the simulator");
  const tokens = await authorize({
    app: oauthApp(app, simEndpoints(sim)),
    clientId: sim.client.clientId,
    clientSecret: sim.client.clientSecret,
    redirectUri: sim.client.redirectUri,
    scopes: SCOPES,
    obtainRedirect: async (url) => {
      const u = new URL(url);
      log(`  1. authorization URL   ${u.origin}${u.pathname}?client_id=…&scope=${u.searchParams.get("scope")}&state=…`);
      const location = await followRedirect(url);
      log(`  2. 302 redirect to     ${new URL(location).origin}${new URL(location).pathname}?code=…&state=…`);
      return location;
    },
  });
  log("  3. state matches (constant-time check); code exchanged at once");
  log(`  4. tokens for user ${tokens.userid}, scopes ${tokens.scope ?? "?"}, access token valid `
    + `${Math.round((tokens.expires_at - tokens.obtained_at) / 3600)} h (tokens are never printed)`);
  return simAuth(sim, tokens);
}


/** Notification actions need a subscription's callback URL: they run in the instant section, once one exists. */
const NEEDS_SUBSCRIPTION = /notification/;

async function runActions(auth: Auth, zone: string, out: Outcome): Promise<void> {
  const refs = order(listComponents("actions")).filter((r) => !NEEDS_SUBSCRIPTION.test(r.slug));
  log(`\nActions (${refs.length}; the ${listComponents("actions").length - refs.length} notification actions run in the `
    + "instant section below, once a source has subscribed)");
  for (const ref of refs) await showAction(await loadComponent(ref.file), auth, zone, out);
}

/**
 * Last night as the ScanWatch records it (the seeded nights come from the sleep analyzer): in bed 23:10, up 07:05
 * in the user's zone, or the night before when this morning's is not over yet.
 */
function lastNight(sim: Simulator, now: number, tz: string) {
  let day = ymdInZone(now, tz);
  if (zonedEpoch(day, 7 * 3600 + 5 * 60, tz) > now - 1800) day = addDays(day, -1);
  const start = zonedEpoch(addDays(day, -1), 23 * 3600 + 10 * 60, tz);
  const end = zonedEpoch(day, 7 * 3600 + 5 * 60, tz);
  const watch = sim.data.devices(sim.demoUserId).find((d) => d.model_id === 93);
  return { ...realisticNight(start, start, end), model: 16, model_id: 93, hash_deviceid: watch?.deviceid ?? null };
}

/** New records for the sources to find on their next run. */
function recordNewData(sim: Simulator): string[] {
  const user = sim.demoUserId;
  const now = sim.clock.now();
  const tz = sim.data.timezone(user);
  const done: string[] = [];
  const attempt = (what: string, fn: () => unknown) => {
    try {
      fn();
      done.push(what);
    } catch (err) {
      log(`  (could not add ${what}: ${(err as Error).message})`);
    }
  };
  attempt("a weigh-in", () => sim.data.addWeighIn(user, { date: now - 300, weightKg: 71.8, fatRatio: 17.9 }));
  attempt("a blood pressure reading", () => sim.data.addBloodPressure(user, { date: now - 240, systolic: 121, diastolic: 79, pulse: 64 }));
  attempt("today's activity", () => sim.data.modifyActivity(user, ymdInZone(now, tz), { steps: 9120 }));
  attempt("a workout", () => sim.data.addWorkout(user, { startdate: now - 5400, enddate: now - 1800, category: 1 }));
  attempt("last night's sleep from the watch", () => sim.data.addSleepSummary(user, lastNight(sim, now, tz)));
  attempt("an ECG", () => sim.data.addEcg(user, { timestamp: now - 120 }));
  attempt("a stethoscope recording", () => recordNewStetho(sim, now));
  return done;
}

async function runSources(sim: Simulator, auth: Auth, zone: string, out: Outcome): Promise<void> {
  const refs = listComponents("sources");
  log(`\nSources (${refs.length})`);
  const hosts: Array<{ host: SourceHost; component: ComponentLike; endpoint?: HttpEndpoint; log: RunResult[] }> = [];
  for (const ref of refs) {
    const component = await loadComponent(ref.file);
    const entry: (typeof hosts)[number] = { host: undefined as unknown as SourceHost, component, log: [] };
    if (httpPropName(component)) {
      entry.endpoint = new HttpEndpoint(async (event) => {
        entry.log.push(await entry.host.run(event));
      }, wantsCustomResponse(component), (err) => entry.log.push({ exports: {}, emitted: [], ms: 0, result: err }));
      await entry.endpoint.listen();
    }
    const { props, missing } = await demoProps(component, auth, zone);
    const filled = Object.entries(props).map(([k, v]) => `${k}=${v}`).join(", ");
    say("  ", `▸ ${component.name} (${component.key})${filled ? ` with ${filled}` : ""}`
      + `${entry.endpoint ? `, endpoint ${entry.endpoint.endpoint}` : ""}`);
    if (missing.length) {
      out.skipped.push(`${component.key} (needs ${missing.join(", ")})`);
      log(`    skipped: needs ${missing.join(", ")}`);
      await entry.endpoint?.close();
      continue;
    }
    try {
      // The db lives in memory: the demo starts from a fresh deploy every time.
      entry.host = new SourceHost(component, { props, auth, http: entry.endpoint?.iface });
      printEvents("deploy", component, await entry.host.deploy(), zone);
      hosts.push(entry);
    } catch (err) {
      out.failed.push(`${component.key} deploy: ${(err as Error).message}`);
      log(`    ✗ deploy: ${(err as Error).name}: ${(err as Error).message}`);
      await entry.endpoint?.close();
    }
  }
  if (!hosts.length) return;

  // Sources keep a cursor in whole seconds; on Pipedream the next poll comes minutes later. Let the
  // clock tick past the deploy's second so the new records are unambiguously newer than the cursor.
  await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
  const added = recordNewData(sim);
  log("");
  say("  ", `The simulator records ${added.join(", ")}; each source runs once:`);
  for (const { host, component, endpoint } of hosts) {
    if (endpoint) continue;
    log(`  ▸ ${component.name}`);
    try {
      printEvents("run", component, await host.run(), zone);
      out.ok++;
    } catch (err) {
      out.failed.push(`${component.key} run: ${(err as Error).message}`);
      log(`    ✗ run: ${(err as Error).name}: ${(err as Error).message}`);
    }
  }
  await sim.notifications.idle();
  for (const { host, component, endpoint, log: runs } of hosts) {
    if (!endpoint) continue;
    await endpoint.idle();
    log(`  ▸ ${component.name}: ${runs.length} notification${runs.length === 1 ? "" : "s"} received`);
    const failed = runs.filter((r) => r.result instanceof Error);
    for (const r of runs) if (!(r.result instanceof Error)) printEvents("run", component, r, zone);
    if (failed.length) {
      out.failed.push(`${component.key} run: ${(failed[0].result as Error).message}`);
      log(`    ✗ run: ${(failed[0].result as Error).message}`);
    } else out.ok++;
    try {
      printEvents("deactivate", component, await host.deactivate(), zone);
    } catch (err) {
      out.failed.push(`${component.key} deactivate: ${(err as Error).message}`);
    }
    await endpoint.close();
  }
}


async function main(): Promise<number> {
  const t0 = performance.now();
  log("Withings components: a tour against the local simulator (no account, no network)\n");
  const build = (await import(pathToFileURL(join(ROOT, "scripts", "build.mjs")).href)) as {
    buildAll(o?: { quiet?: boolean }): Promise<string[]>;
  };
  const files = await build.buildAll({ quiet: true });
  log(`Built ${files.length} files into dist/ in ${ms(performance.now() - t0)}`);

  const sim = await startSimulator({ seed: 42, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0, 100, 300] });
  const out: Outcome = { ok: 0, failed: [], skipped: [] };
  try {
    const zone = sim.data.timezone(sim.demoUserId);
    log(`Simulator at ${sim.url}, demo user ${sim.demoUserId} (${zone}); times below are in ${zone}\n`);
    const app = await loadComponent(join(DIST, "withings.app.mjs"));
    const auth = await login(app, sim);
    const actionsStart = Date.now() - 1000;
    await runActions(auth, zone, out);
    printSignalFiles(log, actionsStart);
    await runSources(sim, auth, zone, out);
    await instantPath(sim, auth, zone, out);
  } finally {
    await sim.close();
  }
  log(`\n${out.ok} components ran, ${out.failed.length} failed, ${out.skipped.length} skipped; `
    + `${sim.requests.length} requests to the simulator; wall time ${ms(performance.now() - t0)}`);
  for (const f of out.failed) log(`  failed: ${f}`);
  for (const s of out.skipped) log(`  skipped: ${s}`);
  return out.failed.length ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (err) => {
  console.error(err);
  process.exitCode = 1;
});
