import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every runner example of README.md, run exactly as written against the default simulator: the lines of its
 * code blocks that start with `npx tsx runner/cli.ts`. Those that need a real Withings account are left out.
 */
const ROOT = join(__dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const STATE = mkdtempSync(join(tmpdir(), "withings-runner-"));
const NEEDS_ACCOUNT = /--real|--token-file|runner\/cli\.ts (auth|refresh)\b/;

/** The lines inside the README's fenced shell blocks (```bash, ```sh or a bare ```). */
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

const examples = codeLines(README).filter((l) => l.startsWith("npx tsx runner/cli.ts"));
const simulated = examples.filter((l) => !NEEDS_ACCOUNT.test(l));

function sh(line: string): { status: number | null; out: string } {
  const r = spawnSync("bash", ["-c", line], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, WITHINGS_RUNNER_DIR: STATE }, timeout: 60000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, encoding: "utf8" });
}, 60000);

afterAll(() => rmSync(STATE, { recursive: true, force: true }));

describe("README runner examples", () => {
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
