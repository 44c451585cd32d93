import { join } from "node:path";
import { createInterface } from "node:readline";
import type { ComponentRef } from "./components";
import type { ComponentLike } from "../hosts/kit/props";

/** The runner's command line: its usage text, how arguments are parsed, where each component's db lives, a typed answer. */

export const USAGE = `Usage: npx tsx runner/cli.ts <command> [options]

Commands:
  list                       List the built components (dist/)
  run <component>            Run an action; for a source: deploy on first use, then one timer run;
                             for an instant source: serve its HTTP endpoint until Ctrl-C
  deploy <source>            Run the deploy and activate hooks
  deactivate <source>        Run the deactivate hook
  options <component> <prop> List a prop's choices (as the Pipedream UI would offer them)
  reset <component>          Forget the component's stored state (db file)
  auth                       Authorize the real Withings API and store the tokens
  refresh                    Refresh the stored tokens now

Component names: actions/get-measures, sources/new-weigh-in, or a bare slug.

Options:
  --prop name=value          A prop value (repeatable). Lists: a,b,c or a JSON array
  --props '{"name":...}'     Props as JSON
  --json                     Print the full result and events as JSON
  --limit N                  Sample lines per result (default 5)
  --src                      Run the TypeScript sources instead of dist/
  --real                     Use the real Withings API (token file, or WITHINGS_ACCESS_TOKEN)
  --token-file PATH          Token file (default .withings-runner/tokens.json)
  --state-dir DIR            State directory (default .withings-runner, or WITHINGS_RUNNER_DIR)
  --seed N                   Seed of the simulator's demo user
  --port N                   Port of an instant source's endpoint (default: any free port)
  --wait SECONDS             Stop serving an instant source after this long
Auth options (or the environment):
  --client-id ID             WITHINGS_CLIENT_ID
  --redirect-uri URL         WITHINGS_REDIRECT_URI (registered on your Withings app)
  --scopes a,b               Default: user.metrics,user.activity
  --demo                     Ask for Withings' demo account (mode=demo)
  The client secret is read from WITHINGS_CLIENT_SECRET only, so it never shows in the process list.`;

export interface Args {
  command?: string;
  target?: string;
  extra?: string;
  props: Record<string, unknown>;
  flags: Record<string, string | boolean>;
}

const BOOLEAN_FLAGS = new Set(["json", "src", "real", "demo", "help"]);

export function parseArgs(argv: string[]): Args {
  const args: Args = { props: {}, flags: {} };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOLEAN_FLAGS.has(name)) {
      args.flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (name === "prop") {
      const eq = value.indexOf("=");
      if (eq < 1) throw new Error(`--prop takes name=value, got "${value}"`);
      args.props[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (name === "props") {
      Object.assign(args.props, JSON.parse(value) as Record<string, unknown>);
    } else {
      args.flags[name] = value;
    }
  }
  [args.command, args.target, args.extra] = positional;
  return args;
}

export const num = (v: string | boolean | undefined): number | undefined => (typeof v === "string" ? Number(v) : undefined);
export const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

/** The db file of a component for a target: `<state dir>/<sim|real>/<key>.json`. */
export function dbPath(dir: string, target: "sim" | "real", component: ComponentLike, ref: ComponentRef): string {
  return join(dir, target, `${component.key ?? `withings-${ref.slug}`}.json`);
}

/** One line typed on standard input (an authorization code pasted by the user); empty at end of input. */
export function readLine(): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let done = false;
    rl.once("line", (line) => {
      done = true;
      rl.close();
      resolve(line.trim());
    });
    rl.once("close", () => {
      if (!done) resolve("");
    });
  });
}
