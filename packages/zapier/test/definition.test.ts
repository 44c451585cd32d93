/** The integration validates offline (the schema check of `zapier validate`), built and from source. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateAppDefinition } from "zapier-platform-schema";
import * as zapier from "zapier-platform-core";
import { App } from "./helpers";
import pkg from "../package.json";

/** Functions as the core hands them to the schema (`$func$<arity>$f$`), the rest as JSON. */
function cleaned(app: unknown): unknown {
  return JSON.parse(JSON.stringify(app, (_k, v) => (typeof v === "function" ? `$func$${v.length}$f$` : v)));
}

test("validateAppDefinition reports nothing", () => {
  const { errors } = validateAppDefinition(cleaned(App));
  expect(errors.map((e: { stack?: string; message?: string }) => e.stack ?? e.message)).toEqual([]);
});

test("the platform version is pinned to the installed zapier-platform-core", () => {
  expect(pkg.dependencies["zapier-platform-core"]).toBe("19.1.0");
  expect(App.platformVersion).toBe(zapier.version);
  expect(zapier.version).toBe("19.1.0");
});

test("every visible trigger, search and create has health-data copy, and every trigger a labelled sample", () => {
  for (const group of ["triggers", "searches", "creates"] as const) {
    for (const def of Object.values(App[group] as Record<string, any>)) {
      if (def.display.hidden) continue;
      expect(def.display.description).toMatch(/Not for medical use/);
      expect(def.display.description.length).toBeLessThanOrEqual(1000);
      if (group === "triggers") {
        expect(def.operation.sample.id).toBeTruthy();
        const labels = def.operation.outputFields.map((f: { label: string }) => f.label);
        expect(labels.length).toBeGreaterThan(3);
      }
    }
  }
  const weighIn = App.triggers.new_weigh_in.operation.outputFields as Array<{ key: string; label: string }>;
  expect(weighIn.find((f) => f.key === "weight_kg")?.label).toBe("Weight (in kg)");
  const activity = App.triggers.new_daily_activity.operation.outputFields as Array<{ key: string; label: string }>;
  expect(activity.find((f) => f.key === "distance")?.label).toBe("Distance (in metres)");
  const sleep = App.triggers.new_sleep_summary.operation.outputFields as Array<{ key: string; label: string; type?: string }>;
  expect(sleep.find((f) => f.key === "start_iso")).toMatchObject({ label: "Start", type: "datetime" });
  expect(App.triggers.new_sleep_summary.operation.sample.start_iso).toMatch(/[+-]\d{2}:\d{2}$/);
});

test("the bundle is self-contained: dist/index.js loads in plain Node with only zapier-platform-core, and validates", () => {
  const dir = mkdtempSync(join(tmpdir(), "zapier-build-"));
  try {
    const pkgDir = join(__dirname, "..");
    const outfile = join(dir, "index.js");
    execFileSync(process.execPath, [join(pkgDir, "build.mjs"), "--outfile", outfile], { cwd: pkgDir, encoding: "utf8" });
    // A fresh Node, outside the repository: only the installed packages are reachable, as on Zapier.
    const script = `const app = require(${JSON.stringify(outfile)});
      const { validateAppDefinition } = require("zapier-platform-schema");
      const cleaned = JSON.parse(JSON.stringify(app, (k, v) => (typeof v === "function" ? "$func$" + v.length + "$f$" : v)));
      console.log(JSON.stringify({ keys: [Object.keys(app.triggers), Object.keys(app.searches), Object.keys(app.creates)],
        errors: validateAppDefinition(cleaned).errors.length }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], {
      cwd: dir, encoding: "utf8", env: { ...process.env, NODE_PATH: join(pkgDir, "..", "..", "node_modules") },
    }));
    expect(out.errors).toBe(0);
    expect(out.keys[0].sort()).toEqual(Object.keys(App.triggers).sort());
    expect(out.keys[1].sort()).toEqual(Object.keys(App.searches).sort());
    expect(out.keys[2].sort()).toEqual(Object.keys(App.creates).sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
