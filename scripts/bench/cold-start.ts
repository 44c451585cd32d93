/**
 * Cold start: a fresh Node process importing a built action and running it once against the simulator,
 * against a fresh process importing `@pipedream/platform` alone. Medians over fresh processes.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSimulator } from "../../simulator/index";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

/** Runs a built action the way the platform does: the app's methods with `$auth` on the app prop. */
const RUN_ACTION = `
const [action, app] = await Promise.all([import(process.argv[1]), import(process.argv[2])]);
const withings = Object.assign(Object.create(null), app.default.methods, { $auth: JSON.parse(process.argv[3]) });
const $ = { export() {}, flow: { exit() {} } };
await action.default.run.call({ withings, timezone: "Europe/Paris" }, { $ });
`;
const IMPORT_PLATFORM = `await import("@pipedream/platform");`;

async function timeProcess(code: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  await run(process.execPath, ["--input-type=module", "-e", code, ...args], { cwd: ROOT });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchColdStart(slug = "get-measures", reps = 11): Promise<{ action: string; actionMs: number; platformMs: number; ratio: number } | undefined> {
  const actionFile = join(ROOT, "dist", "actions", slug, `${slug}.mjs`);
  const appFile = join(ROOT, "dist", "withings.app.mjs");
  if (!existsSync(actionFile) || !existsSync(appFile)) return undefined; // needs `npm run build`
  const sim = await startSimulator({ seed: 5, rateLimitPerMinute: 0 });
  try {
    const t = sim.issueTokens();
    const auth = JSON.stringify({ oauth_access_token: t.access_token, oauth_uid: t.userid, base_url: sim.url });
    const actionRuns: number[] = [];
    const platformRuns: number[] = [];
    for (let i = 0; i < reps; i++) {
      platformRuns.push(await timeProcess(IMPORT_PLATFORM, []));
      actionRuns.push(await timeProcess(RUN_ACTION, [actionFile, appFile, auth]));
    }
    const actionMs = median(actionRuns);
    const platformMs = median(platformRuns);
    return { action: slug, actionMs, platformMs, ratio: actionMs / platformMs };
  } finally {
    await sim.close();
  }
}
