import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";

/** The build `pd publish` takes: one ESM file per app, action and source, importable in plain Node. */
const ROOT = join(__dirname, "..");

describe("npm run build", () => {
  let outputs: string[] = [];

  beforeAll(() => {
    const printed = execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, encoding: "utf8" });
    outputs = printed.trim().split("\n").filter(Boolean);
  }, 60000);

  it("writes the app and one .mjs per component under dist/", () => {
    expect(outputs).toContain("dist/withings.app.mjs");
    expect(outputs).toContain("dist/actions/get-measures/get-measures.mjs");
    for (const o of outputs) expect(existsSync(join(ROOT, o))).toBe(true);
  });

  it("bundles relative imports and leaves npm packages external; every file imports in plain Node", () => {
    const script = `
      const files = JSON.parse(process.argv[1]);
      const out = [];
      for (const f of files) {
        const m = await import(new URL(f, "file://" + process.cwd() + "/").href);
        out.push([f, m.default.type, m.default.key ?? m.default.app]);
      }
      console.log(JSON.stringify(out));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(outputs)], { cwd: ROOT, encoding: "utf8" });
    const loaded: Array<[string, string, string]> = JSON.parse(printed);
    expect(loaded).toHaveLength(outputs.length);
    for (const [file, type, key] of loaded) {
      const slug = file.split("/").pop()!.replace(/\.mjs$/, "");
      if (file === "dist/withings.app.mjs") expect([type, key]).toEqual(["app", "withings"]);
      else expect([type, key]).toEqual([file.startsWith("dist/actions/") ? "action" : "source", `withings-${slug}`]);
    }
  });

  it("contains no relative imports (they are bundled in)", () => {
    const { readFileSync } = require("node:fs");
    for (const o of outputs) {
      const text: string = readFileSync(join(ROOT, o), "utf8");
      expect([relative(ROOT, o), /from\s+["']\.\.?\//.test(text)]).toEqual([relative(ROOT, o), false]);
      expect(text).toMatch(/from "@pipedream\/(types|platform)"/);
    }
  });
});
