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
import { indent, ms } from "../runner/format";
import { describeEvent, describeResult, wrap } from "../runner/readable";
import {
  HttpEndpoint, httpPropName, missingRequiredProps, propOptions, runAction, SourceHost, wantsCustomResponse,
  type Auth, type ComponentLike, type RunResult,
} from "../runner/platform";
import { simAuth, simEndpoints } from "../runner/targets";
import { printSignalFiles, recordNewStetho } from "./demo-signals";

const SAMPLE_LINES = 3;
const WIDTH = Math.max(80, Math.min(process.stdout.columns || 110, 140)) - 8;
const log = (s = "") => process.stdout.write(`${s}\n`);

interface Outcome { ok: number; failed: string[]; skipped: string[] }

/** Why a source can emit nothing right after new data was recorded, in the words of its documentation. */
const WAITS_FOR_MIDNIGHT = "it waits for the day to end in the user's time zone, so that the numbers are final: "
  + "today's activity is emitted on the first run after midnight";
const QUIET_BY_DESIGN: Record<string, string> = {
  "withings-new-daily-activity": WAITS_FOR_MIDNIGHT,
  "withings-new-daily-activity-instant": WAITS_FOR_MIDNIGHT,
};

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

/**
 * Fills each required prop that has no value with its first choice, as a user picking from the list would, and
 * a Time Zone prop with the user's zone, as a user would set it so that times read in their own zone.
 */
async function demoProps(component: ComponentLike, auth: Auth, zone: string): Promise<{ props: Record<string, unknown>; missing: string[] }> {
  const props: Record<string, unknown> = {};
  const missing: string[] = [];
  if (component.props && "timezone" in component.props) props.timezone = zone;
  for (const name of missingRequiredProps(component)) {
    const options = await propOptions(component, name, auth).catch(() => []);
    if (options.length) props[name] = options[0].value;
    else missing.push(name);
  }
  return { props, missing };
}

/** Prints `text` wrapped to the terminal under `pad`, continuation lines indented two more spaces. */
function say(pad: string, text: string): void {
  wrap(text, WIDTH - pad.length).forEach((l, i) => log(`${i ? `${pad}  ` : pad}${l}`));
}

/** An action's `$summary` and the first records (or the object) it returned, readably. */
function printResult(r: RunResult): void {
  if (r.summary !== undefined) say("    ", `$summary: ${r.summary}`);
  if (r.result !== undefined) log(indent(describeResult(r.result, WIDTH - 6, SAMPLE_LINES), "      "));
}

/** What one deploy or run of a source emitted; a source quiet by design says why. */
/** One event as "• summary", wrapped between words, with its time in the user's zone when the summary has none. */
function showEvent(e: { meta: { summary?: string; ts?: number } }, zone: string): void {
  describeEvent(e.meta.summary, e.meta.ts, zone, WIDTH - 8).forEach((l, i) => log(`      ${i ? "  " : "• "}${l}`));
}

function printEvents(phase: string, component: ComponentLike, r: RunResult, zone: string): void {
  const fresh = r.emitted.filter((e) => !e.duplicate);
  if (!fresh.length) {
    const why = QUIET_BY_DESIGN[String(component.key)];
    say("    ", `${phase}: no new event in ${ms(r.ms)}${why ? `, as designed: ${why}` : ""}`);
    return;
  }
  log(`    ${phase}: emitted ${fresh.length} event${fresh.length === 1 ? "" : "s"} in ${ms(r.ms)}`);
  for (const e of fresh.slice(0, SAMPLE_LINES)) showEvent(e, zone);
  if (fresh.length > SAMPLE_LINES) log(`      … and ${fresh.length - SAMPLE_LINES} more`);
}

/** Runs one action with the demo's props and prints it: the demo's unit for "run an action and show it". */
async function showAction(component: ComponentLike, auth: Auth, zone: string, out: Outcome,
  given: Record<string, unknown> = {}): Promise<void> {
  const demo = await demoProps({ ...component, props: omit(component.props ?? {}, Object.keys(given)) }, auth, zone);
  const props = { ...demo.props, ...given };
  const { missing } = demo;
  const filled = Object.entries(props).map(([k, v]) => `${k}=${v}`).join(", ");
  say("  ", `▸ ${component.name} (${component.key})${filled ? ` with ${filled}` : ""}`);
  if (missing.length) {
    out.skipped.push(`${component.key} (needs ${missing.join(", ")})`);
    log(`    skipped: needs ${missing.join(", ")}`);
    return;
  }
  try {
    const r = await runAction(component, { props, auth });
    printResult(r);
    log(`    took ${ms(r.ms)}`);
    out.ok++;
  } catch (err) {
    out.failed.push(`${component.key}: ${(err as Error).message}`);
    say("    ", `✗ ${(err as Error).name}: ${(err as Error).message}`);
  }
}

const omit = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Notification actions need a subscription's callback URL: they run in the instant section, once one exists. */
const NEEDS_SUBSCRIPTION = /notification/;

async function runActions(auth: Auth, zone: string, out: Outcome): Promise<void> {
  const refs = order(listComponents("actions")).filter((r) => !NEEDS_SUBSCRIPTION.test(r.slug));
  log(`\nActions (${refs.length}; the ${listComponents("actions").length - refs.length} notification actions run in the `
    + "instant section below, once a source has subscribed)");
  for (const ref of refs) await showAction(await loadComponent(ref.file), auth, zone, out);
}

/**
 * The notification actions, on the subscription New Weigh-in (Instant) made. Subscribe itself is shown, not
 * run: Withings (and the action, before any request) refuses a callback URL on localhost, and the demo has no
 * public https endpoint; the instant sources subscribe through the same app method.
 */
async function notificationActions(auth: Auth, zone: string, callbackUrl: string, out: Outcome): Promise<void> {
  const action = (slug: string) => loadComponent(join(DIST, "actions", slug, `${slug}.mjs`));
  log("  Notification actions on that subscription:");
  say("  ", "▸ Subscribe to Notifications: not run here, as designed: it needs a public https callback URL "
    + "(Withings calls it back); the instant sources above subscribed through the same app method");
  await showAction(await action("list-notification-subscriptions"), auth, zone, out);
  await showAction(await action("get-notification-subscription"), auth, zone, out, { callbackUrl, appli: 1 });
  await showAction(await action("update-notification-subscription"), auth, zone, out,
    { callbackUrl, appli: 1, comment: "weigh-ins for the demo workflow" });
  await showAction(await action("revoke-notification-subscription"), auth, zone, out, { callbackUrl, appli: 1 });
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

// ---- Instant path: a record in the simulator reaches an (Instant) source through a notification -------------
async function instantPath(sim: Simulator, auth: Auth, zone: string, out: Outcome): Promise<void> {
  const { hostInstant } = await import("../runner/instant");
  const load = (slug: string) => loadComponent(join(DIST, "sources", slug, `${slug}.mjs`));
  log("\nInstant path (Withings notifications to a loopback endpoint, no polling)");
  const weigh = await hostInstant(await load("new-weigh-in-instant"), { auth });
  const unlink = await hostInstant(await load("account-unlinked-instant"), { auth });
  try {
    await weigh.host.deploy();
    await unlink.host.deploy();
    const subs = sim.notifications.subscriptions(sim.demoUserId).filter((x) => x.callbackurl === weigh.url || x.callbackurl === unlink.url);
    say("  ", `subscribed: ${subs.map((x) => `appli ${x.appli} → ${x.callbackurl}`).join(", ")} (after Withings' HEAD check)`);
    const fresh = (h: typeof weigh) => h.emitted.filter((e) => !e.duplicate);
    const arrival = async (h: typeof weigh, before: number, t0: number) => {
      while (fresh(h).length === before && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 2));
      return performance.now() - t0;
    };
    let before = fresh(weigh).length;
    let t0 = performance.now();
    sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 5, weightKg: 71.6, fatRatio: 17.8 });
    let took = await arrival(weigh, before, t0);
    await sim.notifications.idle();
    await weigh.idle();
    const got = fresh(weigh).slice(before);
    log(`  ▸ a weigh-in recorded → New Weigh-in (Instant): ${got.length} event in ${ms(took)}`);
    for (const e of got) showEvent(e, zone);
    before = fresh(unlink).length;
    t0 = performance.now();
    sim.notifications.userAction(sim.demoUserId, "unlink");
    took = await arrival(unlink, before, t0);
    await sim.notifications.idle();
    await unlink.idle();
    const unlinked = fresh(unlink).slice(before);
    log(`  ▸ the user unlinks the app → Account Unlinked (Instant): ${unlinked.length} event in ${ms(took)}, no API call`);
    for (const e of unlinked) showEvent(e, zone);
    if (got.length === 1 && unlinked.length === 1) out.ok++;
    else out.failed.push(`instant path: ${got.length} weigh-in and ${unlinked.length} unlink events (expected 1 and 1)`);
    // Revoke Notification Subscription removed New Weigh-in (Instant)'s subscription: nothing left to deactivate.
    await notificationActions(auth, zone, weigh.url, out);
    await unlink.host.deactivate();
  } catch (err) {
    out.failed.push(`instant path: ${(err as Error).message}`);
    log(`    ✗ ${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    await weigh.close();
    await unlink.close();
  }
}
// ---- end of the instant path -------------------------------------------------------------------------------

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
