import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { distFiles, findings, lintDist, linter, ROOT } from "../scripts/pipedream-lint";
import { sharedBuild } from "./helpers/build";

/**
 * Pipedream's own lint (its eslint plugin, with the parser options and rules of Pipedream's monorepo) over
 * the run's fresh build: no finding, warnings included, and proof that every file's component is seen by the rules.
 */
const OUT = sharedBuild().dir;

/** What the build must produce: the app and every `<kind>/<slug>/<slug>.ts` under components/withings. */
function expectedFiles(): string[] {
  const comp = join(ROOT, "components", "withings");
  const out = ["withings.app.mjs"];
  for (const kind of ["actions", "sources"]) {
    const dir = join(comp, kind);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir)) {
      if (slug !== "common" && existsSync(join(dir, slug, `${slug}.ts`))) out.push(`${kind}/${slug}/${slug}.mjs`);
    }
  }
  return out.sort();
}

const eslint = linter(OUT);
async function lintText(text: string, file: string): Promise<string[]> {
  const results = await eslint.lintText(text, { filePath: join(OUT, file) });
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId ?? "parse"}: ${m.message}`));
}

const read = (file: string) => readFileSync(join(OUT, file), "utf8");
let files: string[] = [];

beforeAll(() => {
  files = distFiles(OUT).map((f) => relative(OUT, f));
});

describe("Pipedream's eslint rules over the build", () => {
  it("lints one file per component and the app, with no finding", async () => {
    expect(files).toEqual(expectedFiles());
    const results = await lintDist(OUT);
    expect(results.map((r) => relative(OUT, r.filePath)).sort()).toEqual(files);
    expect(findings(results, OUT)).toEqual([]);
  });

  it("sees the component in every action and source: removing its key is reported", async () => {
    for (const file of files.filter((f) => f !== "withings.app.mjs")) {
      const text = read(file);
      const keyless = text.replace(/^(export default \{[\s\S]*?)\n {2}key: "withings-[a-z0-9-]+",/m, "$1");
      expect([file, keyless !== text]).toEqual([file, true]);
      expect([file, await lintText(keyless, file)]).toEqual([file, [
        "pipedream/required-properties-key: Components must export a key property. See https://pipedream.com/docs/components/guidelines/#required-metadata",
      ]]);
    }
  });

  it("sees the app's shared props: a prop without a label is reported", async () => {
    const text = read("withings.app.mjs");
    const unlabelled = text.replace(/(propDefinitions: \{\s*\w+: \{\s*type: "[^"]+",)\s*label: "[^"]*",/, "$1");
    expect(unlabelled).not.toBe(text);
    expect(await lintText(unlabelled, "withings.app.mjs")).toEqual([
      expect.stringMatching(/^pipedream\/props-label: Component prop \w+ must have a label/),
    ]);
  });

  it("applies the registry's rules: annotations from a constant, a source name, ES2022 syntax", async () => {
    const action = files.find((f) => f.startsWith("actions/"))!;
    const shared = read(action).replace(/annotations: \{[^}]*\}/, "annotations: ANNOTATIONS");
    expect(await lintText(shared, action)).toEqual(["pipedream/action-annotations: Property 'annotations' must be an object expression"]);

    const source = files.find((f) => f.startsWith("sources/"))!;
    const renamed = read(source).replace(/^( {2}name: ")New /m, "$1");
    expect(await lintText(renamed, source)).toEqual([expect.stringMatching(/^pipedream\/source-name: /)]);

    expect(await lintText(`class A { x = 1; }\n${read(action)}`, action)).toEqual([expect.stringMatching(/^parse: Parsing error/)]);
  });
});
