import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

  it("imports only Node built-ins and runtime dependencies (native ones such as @resvg/resvg-js stay imports)", () => {
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    for (const o of outputs) {
      const text = readFileSync(join(ROOT, o), "utf8");
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const spec of specifiers) {
        const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        expect([relative(ROOT, o), spec, spec.startsWith("node:") || pkg in dependencies]).toEqual([relative(ROOT, o), spec, true]);
      }
      expect([relative(ROOT, o), /\brequire\(|\.node["']/.test(text)]).toEqual([relative(ROOT, o), false]);
    }
  });

  it("ends each file with the component as an ES2021 object literal, `export default { … }`", () => {
    for (const o of outputs) {
      const text = readFileSync(join(ROOT, o), "utf8");
      const tail = text.slice(text.lastIndexOf("\nexport default {"));
      const first = o === "dist/withings.app.mjs" ? /^\nexport default \{\n {2}type: "app",/ : /^\nexport default \{\n(?:.*\n)*? {2}key: "withings-/;
      expect([o, first.test(tail)]).toEqual([o, true]);
      expect([o, /\bdefine(App|Action|Source)\(/.test(text)]).toEqual([o, false]);
    }
  });
});
