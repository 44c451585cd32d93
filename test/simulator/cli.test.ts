import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

it("starts from the command line, prints what a client needs with a working token, and stops on SIGINT", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/cli.ts", "--port", "0", "--seed", "3"], { cwd: root });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 10_000);
    child.stdout.on("data", () => out.includes("Ctrl+C") && (clearTimeout(t), resolve()));
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
  const token = /access token\s+([0-9a-f]{40})/.exec(out)![1];
  expect(out).toMatch(/client id\s+[0-9a-f]{32}/);
  expect(out).toMatch(/client secret\s+[0-9a-f]{64}/);
  expect(out).toContain("redirect URI      https://app.example.com/withings/callback");
  const res = await fetch(`${url}/v2/user`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: new URLSearchParams({ action: "getgoals" }) });
  expect(((await res.json()) as { status: number }).status).toBe(0);
  const code = await new Promise<number | null>((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGINT");
  });
  expect(code).toBe(0);
});
