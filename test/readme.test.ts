import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sharedBuild } from "./helpers/build";

/**
 * Every runner example of docs/runner.md, run exactly as written against the default simulator: the lines of its
 * code blocks that start with `npx tsx runner/cli.ts`. Those that need a real Withings account are left out.
 * Then the README's tour, `npm run demo`, read as a workflow builder reads it. Both write dist/, so they run
 * here one after the other.
 */
const ROOT = join(__dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const RUNNER_GUIDE = readFileSync(join(ROOT, "docs", "runner.md"), "utf8");
const STATE = mkdtempSync(join(tmpdir(), "withings-runner-"));
const NEEDS_ACCOUNT = /--real|--token-file|runner\/cli\.ts (auth|refresh)\b/;

/** The lines inside a page's fenced shell blocks (```bash, ```sh or a bare ```). */
function codeLines(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("```")) {
      fence = fence === undefined ? line.slice(3) : undefined;
      continue;
    }
    if (fence !== undefined && ["bash", "sh", ""].includes(fence)) out.push(line);
  }
  return out;
}

const examples = codeLines(RUNNER_GUIDE).filter((l) => l.startsWith("npx tsx runner/cli.ts"));
const simulated = examples.filter((l) => !NEEDS_ACCOUNT.test(l));

function sh(line: string): { status: number | null; out: string } {
  const r = spawnSync("bash", ["-c", line], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, WITHINGS_RUNNER_DIR: STATE }, timeout: 60000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// `npm run build` first, as docs/runner.md says: the run's build (test/helpers/build.ts) copied to dist/.
beforeAll(() => {
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  cpSync(sharedBuild().dir, join(ROOT, "dist"), { recursive: true });
});

afterAll(() => rmSync(STATE, { recursive: true, force: true }));

describe("docs/runner.md runner examples", () => {
  it("finds them, and leaves out only those that need a Withings account", () => {
    expect(simulated.length).toBeGreaterThanOrEqual(8);
    for (const l of examples.filter((x) => NEEDS_ACCOUNT.test(x))) expect(l).toMatch(/--real|auth|refresh/);
  });

  it("runs each one as written, in order, against the default simulator", () => {
    const outputs: string[] = [];
    for (const line of simulated) {
      const { status, out } = sh(line);
      expect([line, status, out.includes("✗") || /Error\b/.test(out) ? out : ""]).toEqual([line, 0, ""]);
      outputs.push(out);
    }
    const all = outputs.join("\n");
    expect(all).toMatch(/Retrieved ECG signal 112000001: \d+ samples/);
    expect(all).toMatch(/Retrieved \d+ measure groups? from 2026-11-01/);
  }, 120000);
});

describe("npm run demo", () => {
  let out = "";
  let status: number | null = null;

  beforeAll(() => {
    expect(README).toContain("npm ci && npm run demo");
    ({ status, out } = sh("npm run demo"));
  }, 120000);

  /** The tour from the first action on: the OAuth lines elide the code and state on purpose. */
  const tour = () => out.slice(out.indexOf("\nActions ("));
  const section = (title: string) => {
    const from = tour().indexOf(`▸ ${title}`);
    return tour().slice(from, tour().indexOf("\n  ▸", from + 1));
  };

  it("runs every component with no failure", () => {
    expect(status).toBe(0);
    expect(out).toMatch(/\n\d+ components ran, 0 failed, 0 skipped;/);
  });

  it("never cuts a line inside a word or a value, and stays within the terminal width", () => {
    const lines = tour().split("\n");
    for (const l of lines) expect([l, l.length <= 110, /\S…/.test(l)]).toEqual([l, true, false]);
  });

  it("shows times in the user's zone, labelled, and decoded values for actions", () => {
    expect(tour()).not.toMatch(/\bUTC\b/);
    expect(section("Get Measures")).toMatch(/values: \w+ \d+(\.\d+)? (kg|mmHg|%|m\/s)/);
    expect(section("Get Intraday Activity")).toMatch(/time_iso: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00/);
    expect(section("New Daily Activity")).toMatch(/event time\s+\d{4}-\d{2}-\d{2}\s+00:00 Europe\/Paris/);
  });

  it("says systolic before diastolic, shows single objects compactly, and explains a quiet source", () => {
    expect(tour()).not.toMatch(/Diastolic Blood Pressure \d/);
    expect(section("New Measurement")).toMatch(/Blood pressure \d+\/\d+ mmHg, heart pulse \d+ bpm/);
    expect(section("Get ECG Signal")).toMatch(/sample_count: 9000,[\s\S]*signal: \[9000 values\]/);
    expect(tour()).not.toContain("more keys");
    const daily = tour().slice(tour().lastIndexOf("▸ New Daily Activity\n"));
    expect(daily).toMatch(/^▸ New Daily Activity\n {4}run: no new event in \S+ ms, as designed: it waits for the day to end/);
  });

  it("records a realistic night in the user's zone: in bed at 23:10, up at 07:05", () => {
    expect(tour()).toMatch(/Slept \d h \d+ min, score \d+, night of \d{4}-\d{2}-\d{2} \(ScanWatch\) · event time\s+\d{4}-\d{2}-\d{2}\s+23:10 Europe\/Paris/);
  });
});
