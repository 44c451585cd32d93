/**
 * The runner's command line as a user runs it (a child process through tsx), against a simulator
 * served from this test process: the auth command, token refresh, the db file, and no secret in output.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Simulator } from "../../simulator/types";
import { followRedirect, oauthApp } from "../../runner/auth";
import { ROOT } from "../../runner/components";
import { appInstance } from "../../runner/platform";
import { simEndpoints, simulatorLogin } from "../../runner/targets";
import { TokenStore, type StoredTokens } from "../../runner/tokens";
import { APP, startSim, tsComponents } from "../e2e/sim-helpers";

jest.setTimeout(60000);

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerMinute: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "withings-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the CLI; `onStdout` may answer on stdin as output arrives. */
function cli(args: string[], env: Record<string, string> = {},
  onStdout?: (soFar: string, stdin: NodeJS.WritableStream) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, "runner", "cli.ts"), ...args], {
      cwd: dir,
      env: { ...process.env, WITHINGS_RUNNER_DIR: join(dir, "state"), ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, child.stdin);
    });
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (!onStdout) child.stdin.end();
  });
}

/** The environment that points the "real API" code path at the simulator. */
function realEnv(): Record<string, string> {
  const { authorizeUrl } = simEndpoints(sim);
  return {
    WITHINGS_API_URL: sim.url,
    WITHINGS_AUTHORIZE_URL: authorizeUrl,
    WITHINGS_CLIENT_ID: sim.client.clientId,
    WITHINGS_CLIENT_SECRET: sim.client.clientSecret,
    WITHINGS_REDIRECT_URI: sim.client.redirectUri,
  };
}

function expectNoSecret(run: Run, secrets: string[]): void {
  for (const s of secrets) {
    expect(run.stdout).not.toContain(s);
    expect(run.stderr).not.toContain(s);
  }
}

/** Answers the auth prompt: follows the printed authorization URL, optionally tampers, pastes the redirect. */
function answerPrompt(tamper: (u: URL) => void = () => {}, seen: { code?: string } = {}) {
  let answered = false;
  return (out: string, stdin: NodeJS.WritableStream) => {
    const m = /(http:\/\/127\.0\.0\.1:\d+\/oauth2_user\/authorize2\S+)/.exec(out);
    if (answered || !m || !out.includes("Paste")) return;
    answered = true;
    followRedirect(m[1]).then((location) => {
      const u = new URL(location);
      seen.code = u.searchParams.get("code") ?? undefined;
      tamper(u);
      stdin.write(`${u}\n`);
      stdin.end();
    }, (err) => {
      stdin.end();
      throw err;
    });
  };
}

const dataCall = (token: string) =>
  (appInstance(APP, { oauth_access_token: token, base_url: sim.url }) as any).getMeasures({ category: 1, lastupdate: sim.clock.now() - 3600 });

test("auth: prints the URL, takes the pasted redirect, stores working tokens owner-only, prints no secret", async () => {
  const seen: { code?: string } = {};
  const run = await cli(["auth", "--src"], realEnv(), answerPrompt(undefined, seen));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Authorized Withings user ${sim.demoUserId}`);
  const file = join(dir, "state", "tokens.json");
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(join(dir, "state")).mode & 0o777).toBe(0o700);
  const tokens = JSON.parse(readFileSync(file, "utf8")) as StoredTokens;
  expect(tokens.userid).toBe(sim.demoUserId);
  await expect(dataCall(tokens.access_token)).resolves.toHaveProperty("measuregrps");
  expectNoSecret(run, [tokens.access_token, tokens.refresh_token, sim.client.clientSecret, seen.code!]);
});

test("auth: a redirect with a different state is refused and nothing is stored", async () => {
  const before = sim.requests.filter((r) => r.path === "/v2/oauth2").length;
  const run = await cli(["auth", "--src"], realEnv(), answerPrompt((u) => u.searchParams.set("state", "forged")));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/Error: StateMismatchError: The state in the redirect URL does not match/);
  expect(existsSync(join(dir, "state", "tokens.json"))).toBe(false);
  expect(sim.requests.filter((r) => r.path === "/v2/oauth2").length).toBe(before);
});

test("run with an expired token file: refreshes, writes the rotated pair atomically first, prints no token", async () => {
  const store = new TokenStore(join(dir, "state", "tokens.json"));
  const old = await simulatorLogin(APP, sim);
  store.write({ ...old, expires_at: Math.floor(Date.now() / 1000) - 10 });
  const inode = statSync(store.path).ino;

  const run = await cli(["run", "actions/get-measures", "--src", "--real", "--prop", "startDate=2000-01-01T00:00:00Z", "--prop", "maxResults=3"], realEnv());
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("refreshed");
  expect(run.stdout).toMatch(/\$summary: Retrieved 3 measure groups from 2000-01-01/);

  const now = store.read()!;
  expect(now.refresh_token).not.toBe(old.refresh_token);
  expect(now.access_token).not.toBe(old.access_token);
  expect(now.expires_at).toBeGreaterThan(Date.now() / 1000 + 3 * 3600 - 60);
  // Written through a rename (a new inode), owner-only, no temp or lock file left behind.
  expect(statSync(store.path).ino).not.toBe(inode);
  expect(statSync(store.path).mode & 0o777).toBe(0o600);
  expect(readdirSync(join(dir, "state")).filter((f) => f.startsWith("tokens"))).toEqual(["tokens.json"]);
  // The run used the new access token, so Withings no longer takes the old refresh token.
  await expect(oauthApp(APP, simEndpoints(sim)).refreshToken({ ...sim.client, refreshToken: old.refresh_token })).rejects.toThrow();
  expectNoSecret(run, [old.access_token, old.refresh_token, now.access_token, now.refresh_token, sim.client.clientSecret]);
});

test("refresh command: rotates the stored pair", async () => {
  const store = new TokenStore(join(dir, "state", "tokens.json"));
  const old = await simulatorLogin(APP, sim);
  store.write(old);
  const run = await cli(["refresh", "--src"], realEnv());
  expect(run.code).toBe(0);
  const now = store.read()!;
  expect(now.refresh_token).not.toBe(old.refresh_token);
  await expect(dataCall(now.access_token)).resolves.toHaveProperty("measuregrps");
  expectNoSecret(run, [old.access_token, old.refresh_token, now.access_token, now.refresh_token]);
});

test("run against the built-in simulator by default", async () => {
  const run = await cli(["run", "actions/get-measures", "--src", "--prop", "startDate=2000-01-01T00:00:00Z", "--prop", "maxResults=2"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Target: Withings simulator at http:\/\/127\.0\.0\.1:\d+ \(demo user \S+\)/);
  expect(run.stdout).toMatch(/\$summary: Retrieved 2 measure groups from 2000-01-01/);
  expect(run.stdout).not.toMatch(/access_token|refresh_token/);
});

test("bad input: unknown prop and unknown component exit 1 with a clear message", async () => {
  const a = await cli(["run", "actions/get-measures", "--src", "--prop", "nope=1"]);
  expect(a.code).toBe(1);
  expect(a.stdout).toContain("Unknown prop: nope");
  const b = await cli(["run", "actions/does-not-exist", "--src"]);
  expect(b.code).toBe(1);
  expect(b.stdout).toContain('No component "actions/does-not-exist"');
});

const polling = tsComponents("sources").find((s) => !("http" in (s.component.props ?? {})));
(polling ? test : test.skip)("a polling source: deploys on first run, keeps its db file, and only runs afterwards", async () => {
  const slug = polling!.slug;
  const first = await cli(["run", `sources/${slug}`, "--src"]);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  expect(first.stdout).toContain("deploy:");
  expect(first.stdout).toContain("run:");
  const file = join(dir, "state", "sim", `${polling!.component.key}.json`);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  expect(saved.deployed).toBe(true);
  expect(Object.keys(saved.db).length).toBeGreaterThan(0);

  const second = await cli(["run", `sources/${slug}`, "--src"]);
  expect(second.code).toBe(0);
  expect(second.stdout).not.toContain("deploy:");
  expect(second.stdout).toContain("run:");
});
