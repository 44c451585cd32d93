/**
 * The local runner's command line. Runs built components against the Withings simulator (default) or
 * the real Withings API, keeps each component's `$.service.db` in a file, and handles OAuth tokens.
 *
 *   npx tsx runner/cli.ts list
 *   npx tsx runner/cli.ts run actions/get-measures --prop startDate=2026-11-01
 *   npx tsx runner/cli.ts run sources/new-weigh-in          (deploys on first use, then one timer run)
 *   npx tsx runner/cli.ts auth                               (real API: stores tokens, owner-only)
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { SCOPES } from "../common/oauth";
import { authorize, oauthApp } from "./auth";
import { appOf, listComponents, loadComponent, resolveComponent, type ComponentRef } from "./components";
import { eventLine, indent, ms, oneLine, sample } from "./format";
import {
  HttpEndpoint, httpPropName, propOptions, runAction, SourceHost, wantsCustomResponse, type ComponentLike, type RunResult,
} from "./platform";
import { stateDir } from "./state";
import { clientFromEnv, defaultTokenFile, openTarget, scrub, type Target } from "./targets";
import { requireClient, TokenStore } from "./tokens";
import { dbPath, num, parseArgs, readLine, str, USAGE, type Args } from "./args";

export { dbPath, parseArgs } from "./args";
export { eventLine } from "./format";

class Cli {
  private secrets: string[] = [];
  constructor(private readonly out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)) {}

  print(s: string): void {
    this.out(scrub(s, this.secrets));
  }

  async main(argv: string[]): Promise<number> {
    const args = parseArgs(argv);
    if (args.flags.help || !args.command) {
      this.print(USAGE);
      return args.command || args.flags.help ? 0 : 1;
    }
    switch (args.command) {
      case "list": return this.list(args);
      case "run":
      case "deploy":
      case "deactivate": return this.component(args);
      case "reset": return this.reset(args);
      case "options": return this.options(args);
      case "auth": return this.auth(args);
      case "refresh": return this.refresh(args);
      default:
        this.print(`Unknown command "${args.command}".\n\n${USAGE}`);
        return 1;
    }
  }

  private from(args: Args): "dist" | "src" {
    return args.flags.src ? "src" : "dist";
  }

  async list(args: Args): Promise<number> {
    for (const kind of ["actions", "sources"] as const) {
      const refs = listComponents(kind, this.from(args));
      this.print(`${kind} (${refs.length})`);
      for (const ref of refs) {
        const c = await loadComponent(ref.file);
        this.print(`  ${kind}/${ref.slug.padEnd(28)} ${c.name ?? ""}${httpPropName(c) ? "  [instant]" : ""}`);
      }
    }
    return 0;
  }

  async reset(args: Args): Promise<number> {
    const ref = resolveComponent(this.need(args.target, "component"), this.from(args));
    const c = await loadComponent(ref.file);
    const dir = stateDir(str(args.flags["state-dir"]));
    for (const t of ["sim", "real"] as const) rmSync(dbPath(dir, t, c, ref), { force: true });
    this.print(`Forgot the stored state of ${c.key ?? ref.slug}.`);
    return 0;
  }

  async options(args: Args): Promise<number> {
    const ref = resolveComponent(this.need(args.target, "component"), this.from(args));
    const component = await loadComponent(ref.file);
    const prop = this.need(args.extra, "prop");
    const target = await this.open(args, component);
    try {
      const opts = await propOptions(component, prop, target.auth);
      this.print(`${prop}: ${opts.length} option${opts.length === 1 ? "" : "s"}`);
      for (const o of opts) this.print(`  ${oneLine(o.value, 30).padEnd(14)} ${o.label}`);
      return 0;
    } finally {
      await target.close();
    }
  }

  private need(v: string | undefined, what: string): string {
    if (!v) throw new Error(`Missing the ${what} name. Example: npx tsx runner/cli.ts run actions/get-measures`);
    return v;
  }

  private async open(args: Args, component: ComponentLike): Promise<Target> {
    const app = appOf(component);
    if (!app) throw new Error(`${component.key} has no app prop`);
    const target = await openTarget(app, {
      real: !!args.flags.real,
      tokenFile: str(args.flags["token-file"]),
      stateDir: str(args.flags["state-dir"]),
      seed: num(args.flags.seed),
    });
    this.secrets.push(...target.secrets);
    this.print(`Target: ${target.description}`);
    return target;
  }

  async component(args: Args): Promise<number> {
    const ref = resolveComponent(this.need(args.target, "component"), this.from(args));
    const component = await loadComponent(ref.file);
    const target = await this.open(args, component);
    try {
      if (component.type === "action") {
        if (args.command !== "run") throw new Error(`${args.command} applies to sources; ${component.key} is an action.`);
        return await this.action(args, component, target);
      }
      return await this.source(args, component, ref, target);
    } finally {
      await target.close();
    }
  }

  private async action(args: Args, component: ComponentLike, target: Target): Promise<number> {
    this.print(`▸ ${component.name} (${component.key})`);
    const r = await runAction(component, { props: args.props, auth: target.auth });
    this.report(r, args);
    return 0;
  }

  private async source(args: Args, component: ComponentLike, ref: ComponentRef, target: Target): Promise<number> {
    const dir = stateDir(str(args.flags["state-dir"]));
    const path = dbPath(dir, target.kind, component, ref);
    const instant = !!httpPropName(component);
    let host!: SourceHost;
    const endpoint = instant
      ? new HttpEndpoint(async (event, respond) => {
        this.print(`◂ ${event.method} ${event.path} ${oneLine(event.body, 90)}`);
        this.report(await host.runRequest(event, respond), args);
      }, wantsCustomResponse(component), (err) => this.print(`run failed: ${(err as Error).message}`), { concurrent: true })
      : undefined;
    if (endpoint) this.print(`Endpoint: ${await endpoint.listen(num(args.flags.port) ?? 0)}`);
    host = new SourceHost(component, { props: args.props, auth: target.auth, dbPath: path, http: endpoint?.iface });
    this.print(`▸ ${component.name} (${component.key}), state in ${path}`);
    try {
      if (args.command === "deactivate") {
        this.print("deactivate:");
        this.report(await host.deactivate(), args);
        return 0;
      }
      if (args.command === "deploy" || !host.deployed || instant) {
        this.print("deploy:");
        this.report(await host.deploy(), args);
        if (args.command === "deploy") return 0;
      }
      if (!instant) {
        this.print("run:");
        this.report(await host.run(), args);
        return 0;
      }
      await this.serve(args, host, target);
      return 0;
    } finally {
      await endpoint?.close();
    }
  }

  /** Serves an instant source until Ctrl-C (or --wait), then deactivates it. */
  private async serve(args: Args, host: SourceHost, target: Target): Promise<void> {
    const wait = num(args.flags.wait);
    if (target.sim) {
      // Something for the subscription to announce: the simulator records a new weigh-in.
      const sim = target.sim;
      setTimeout(() => {
        try {
          sim.data.addWeighIn(sim.demoUserId, { date: Math.floor(Date.now() / 1000) - 60, weightKg: 72.4, fatRatio: 18.2 });
          this.print("(the simulator recorded a new weigh-in; Withings-style notifications follow)");
        } catch (err) {
          this.print(`could not add a weigh-in: ${(err as Error).message}`);
        }
      }, 300).unref();
    }
    this.print(wait ? `Serving for ${wait} s…` : "Serving; press Ctrl-C to stop.");
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      if (wait) setTimeout(stop, wait * 1000).unref();
    });
    this.print("deactivate:");
    this.report(await host.deactivate(), args);
  }

  private report(r: RunResult, args: Args): void {
    const limit = num(args.flags.limit) ?? 5;
    if (args.flags.json) {
      this.print(JSON.stringify({ summary: r.summary, exports: r.exports, result: r.result, events: r.emitted }, null, 2));
      return;
    }
    if (r.summary !== undefined) this.print(`  $summary: ${r.summary}`);
    if (r.result !== undefined) this.print(indent(sample(r.result, limit)));
    if (r.emitted.length || r.summary === undefined) {
      const fresh = r.emitted.filter((e) => !e.duplicate);
      const dups = r.emitted.length - fresh.length;
      this.print(`  emitted ${fresh.length} event${fresh.length === 1 ? "" : "s"}${dups ? ` (+${dups} dropped as duplicates)` : ""} in ${ms(r.ms)}`);
      for (const e of fresh.slice(0, limit)) this.print(`    ${eventLine(e)}`);
      if (fresh.length > limit) this.print(`    … ${fresh.length - limit} more`);
    }
  }

  async auth(args: Args): Promise<number> {
    const { clientId, clientSecret, redirectUri } = clientFromEnv(process.env, {
      clientId: str(args.flags["client-id"]), redirectUri: str(args.flags["redirect-uri"]),
    });
    const creds = requireClient({ clientId, clientSecret });
    if (!redirectUri) throw new Error("Missing the redirect URI: set WITHINGS_REDIRECT_URI or pass --redirect-uri.");
    this.secrets.push(creds.clientSecret);
    const app = await this.appForAuth(args);
    const store = new TokenStore(str(args.flags["token-file"]) ?? defaultTokenFile(str(args.flags["state-dir"])));
    const scopes = str(args.flags.scopes)?.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = scopes?.filter((s) => !(SCOPES as readonly string[]).includes(s)) ?? [];
    if (unknown.length) throw new Error(`Unknown scope ${unknown.join(", ")}; Withings scopes are ${SCOPES.join(", ")}.`);
    const tokens = await authorize({
      app: oauthApp(app),
      ...creds,
      redirectUri,
      scopes,
      demo: !!args.flags.demo,
      store,
      obtainRedirect: async (url) => {
        this.print("1. Open this URL in a browser and allow access:\n");
        this.print(`   ${url}\n`);
        this.print("2. Withings then sends the browser to your redirect URI. Paste that whole address here");
        this.print("   (the code in it is valid for 30 seconds):");
        const line = await readLine();
        if (!line) throw new Error("No redirect URL was given.");
        return line;
      },
    });
    this.secrets.push(tokens.access_token, tokens.refresh_token);
    this.print(`Authorized Withings user ${tokens.userid}${tokens.scope ? ` (scopes ${tokens.scope})` : ""}.`);
    this.print(`Tokens stored in ${store.path} (owner-only); the access token expires at `
      + `${new Date(tokens.expires_at * 1000).toISOString()} and is refreshed when needed.`);
    return 0;
  }

  async refresh(args: Args): Promise<number> {
    const client = clientFromEnv(process.env, { clientId: str(args.flags["client-id"]) });
    if (client.clientSecret) this.secrets.push(client.clientSecret);
    const store = new TokenStore(str(args.flags["token-file"]) ?? defaultTokenFile(str(args.flags["state-dir"])));
    const old = store.read();
    if (old) this.secrets.push(old.access_token, old.refresh_token);
    const tokens = await store.refresh(oauthApp(await this.appForAuth(args)), client);
    this.secrets.push(tokens.access_token, tokens.refresh_token);
    this.print(`Refreshed the tokens of Withings user ${tokens.userid} in ${store.path}; the access token expires at `
      + `${new Date(tokens.expires_at * 1000).toISOString()}.`);
    return 0;
  }

  /** The app, from dist/ (or the source with --src). */
  private async appForAuth(args: Args): Promise<ComponentLike> {
    const file = args.flags.src ? join(__dirname, "..", "components", "withings", "withings.app.ts")
      : join(__dirname, "..", "dist", "withings.app.mjs");
    return loadComponent(file);
  }

  fail(err: unknown): number {
    const e = err as Error;
    this.print(`Error: ${e?.name && e.name !== "Error" ? `${e.name}: ` : ""}${e?.message ?? String(err)}`);
    return 1;
  }
}

export async function main(argv: string[], out?: (s: string) => void): Promise<number> {
  const cli = new Cli(out);
  try {
    return await cli.main(argv);
  } catch (err) {
    return cli.fail(err);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
