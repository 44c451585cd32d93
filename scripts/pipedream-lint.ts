/**
 * Pipedream's component lint over the built files in dist/: the parser options and the
 * `@pipedream/eslint-plugin-pipedream` rules of Pipedream's monorepo eslint config (ES2021 modules; required
 * properties and action annotations as errors, prop labels and descriptions, source name and description and
 * the `{{ts}}` version macro as warnings; on the app file only the prop rules).
 *
 *   npm run build && npx tsx scripts/pipedream-lint.ts     # prints every finding, exits 1 if there is one
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint, type Linter } from "eslint";

// The plugin ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pipedream = require("@pipedream/eslint-plugin-pipedream") as ESLint.Plugin;

export const ROOT = join(__dirname, "..");
export const DIST = join(ROOT, "dist");

const PROP_RULES: Linter.RulesRecord = {
  "pipedream/props-label": "warn",
  "pipedream/props-description": "warn",
};

export const COMPONENT_RULES: Linter.RulesRecord = {
  "pipedream/required-properties-key": "error",
  "pipedream/required-properties-name": "error",
  "pipedream/required-properties-version": "error",
  "pipedream/required-properties-description": "error",
  "pipedream/required-properties-type": "error",
  "pipedream/action-annotations": "error",
  ...PROP_RULES,
  "pipedream/source-name": "warn",
  "pipedream/source-description": "warn",
  "pipedream/no-ts-version": "warn",
};

export const CONFIG: Linter.Config[] = [
  {
    files: ["**/*.mjs", "**/*.js"],
    plugins: { pipedream },
    languageOptions: { ecmaVersion: 2021, sourceType: "module" },
  },
  { files: ["**/actions/**/*.*js", "**/sources/**/*.*js"], rules: COMPONENT_RULES },
  { files: ["**/*.app.*js"], rules: PROP_RULES },
];

/** The file patterns match paths relative to `cwd`: the folder that holds the built `actions/`, `sources/` and app. */
export function linter(cwd = DIST): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: CONFIG, ignore: false });
}

/** Every built file: the app, then each action and source. */
export function distFiles(dir = DIST): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith(".mjs") && statSync(f).isFile())
    .sort();
}

/** One line per finding: `dist/actions/x/x.mjs:12:3 error pipedream/… message`. */
export function findings(results: ESLint.LintResult[], base = ROOT): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${relative(base, r.filePath)}:${m.line}:${m.column} `
    + `${m.severity === 2 ? "error" : "warning"} ${m.ruleId ?? "parse"} ${m.message}`));
}

export async function lintDist(dir = DIST): Promise<ESLint.LintResult[]> {
  return linter(dir).lintFiles(distFiles(dir));
}

if (require.main === module) {
  const files = distFiles();
  lintDist().then((results) => {
    const lines = findings(results);
    for (const l of lines) console.log(l);
    console.log(`${results.length} files linted, ${lines.length} finding${lines.length === 1 ? "" : "s"}`);
    process.exitCode = files.length === 0 || lines.length ? 1 : 0;
  }, (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
