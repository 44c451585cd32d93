import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { sharedBuild } from "./helpers/build";

/**
 * The build `pd publish` takes: one ESM file per app, action and source, importable in plain Node. The run builds
 * it once, with `node scripts/build.mjs --outdir <folder>` into a folder of its own inside the project (so that npm
 * packages resolve), leaving dist/ to the README's examples (test/jest/global-setup.cjs).
 */
const ROOT = join(__dirname, "..");
const { dir: OUT, outputs: printedOutputs } = sharedBuild();

describe("npm run build", () => {
  /** Paths as under dist/: `withings.app.mjs`, `actions/<slug>/<slug>.mjs`, `sources/<slug>/<slug>.mjs`. */
  const outputs: string[] = printedOutputs;
  const file = (o: string) => join(OUT, o);

  it("writes the app and one .mjs per component", () => {
    expect(outputs).toContain("withings.app.mjs");
    expect(outputs).toContain("actions/get-measures/get-measures.mjs");
    for (const o of outputs) expect(existsSync(file(o))).toBe(true);
  });

  it("bundles relative imports and leaves npm packages external; every file imports in plain Node", () => {
    const script = `
      const files = JSON.parse(process.argv[1]);
      const out = [];
      for (const f of files) {
        const m = await import(new URL("file://" + f).href);
        out.push([f, m.default.type, m.default.key ?? m.default.app]);
      }
      console.log(JSON.stringify(out));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(outputs.map(file))], { cwd: ROOT, encoding: "utf8" });
    const loaded: Array<[string, string, string]> = JSON.parse(printed);
    expect(loaded).toHaveLength(outputs.length);
    for (const [path, type, key] of loaded) {
      const o = relative(OUT, path);
      const slug = o.split("/").pop()!.replace(/\.mjs$/, "");
      if (o === "withings.app.mjs") expect([type, key]).toEqual(["app", "withings"]);
      else expect([o, type, key]).toEqual([o, o.startsWith("actions/") ? "action" : "source", `withings-${slug}`]);
    }
  });

  it("imports only Node built-ins and runtime dependencies (native ones such as @resvg/resvg-js stay imports)", () => {
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    for (const o of outputs) {
      const text = readFileSync(file(o), "utf8");
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const spec of specifiers) {
        const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        expect([o, spec, spec.startsWith("node:") || pkg in dependencies]).toEqual([o, spec, true]);
      }
      expect([o, /\brequire\(|\.node["']/.test(text)]).toEqual([o, false]);
    }
  });

  it("ends each file with the component as an ES2021 object literal, `export default { … }`", () => {
    for (const o of outputs) {
      const text = readFileSync(file(o), "utf8");
      const tail = text.slice(text.lastIndexOf("\nexport default {"));
      const first = o === "withings.app.mjs" ? /^\nexport default \{\n {2}type: "app",/ : /^\nexport default \{\n(?:.*\n)*? {2}key: "withings-/;
      expect([o, first.test(tail)]).toEqual([o, true]);
      expect([o, /\bdefine(App|Action|Source)\(/.test(text)]).toEqual([o, false]);
    }
  });
});
