/**
 * The reference pages (docs/actions.md, docs/sources.md) and the README's table of components are generated from
 * the components by `npm run docs`: regenerated here in memory, they must match the files, so the docs cannot drift.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generatedFiles, ROOT, spliceTable, START, END } from "../scripts/docs";
import { trim } from "../scripts/docs/trim";
import { oneLine } from "../scripts/docs/render";
import { actions, sources } from "../hosts/kit/catalog";

jest.setTimeout(120000);

let files: Record<string, string> = {};
beforeAll(async () => {
  files = await generatedFiles();
});

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("generated docs", () => {
  it.each(["docs/actions.md", "docs/sources.md", "README.md", "packages/mcp/README.md", "packages/n8n/README.md"])("%s is what `npm run docs` writes", (path) => {
    if (read(path) !== files[path]) {
      throw new Error(`${path} differs from what the components declare: run \`npm run docs\` and commit the result.`);
    }
  });

  it("documents every action and source, with its key, props, sample and Withings calls", () => {
    for (const [page, kind] of [["docs/actions.md", actions], ["docs/sources.md", sources]] as const) {
      const text = files[page];
      for (const [slug, component] of Object.entries(kind)) {
        const from = text.indexOf(`\n## ${String(component.name)}\n`);
        const section = text.slice(from, text.indexOf("\n## ", from + 1) >>> 0);
        expect([slug, from > 0]).toEqual([slug, true]);
        expect(section).toContain(`Key \`withings-${slug}\``);
        expect(section).toContain("| Prop | Type | Default | Options | Description |");
        expect(section).toMatch(/```json\n[[{]/);
        expect([slug, /Withings calls: (`\/[\w/]+ \w+`(, )?)+\./.test(section) || /instant/.test(section)]).toEqual([slug, true]);
      }
    }
    for (const component of [...Object.values(actions), ...Object.values(sources)]) {
      expect(files["README.md"]).toContain(`| \`${String(component.key)}\` |`);
    }
  });

  it("shows sources' sampleEmit and the calls a source makes on deploy and run", () => {
    const weighIn = files["docs/sources.md"].split("\n## New Weigh-in\n")[1].split("\n## ")[0];
    expect(weighIn).toContain(JSON.stringify((sources["new-weigh-in"] as { sampleEmit?: { id: string } }).sampleEmit!.id));
    expect(weighIn).toContain("Withings calls: `/measure getmeas`.");
    const instant = files["docs/sources.md"].split("\n## New Weigh-in (Instant)\n")[1].split("\n## ")[0];
    expect(instant).toMatch(/`\/notify subscribe`/);
  });

  it("lists every MCP tool in the MCP package's README", () => {
    for (const slug of Object.keys(actions)) {
      expect(files["packages/mcp/README.md"]).toContain(`| \`withings_${slug.replace(/-/g, "_")}\` |`);
    }
  });

  it("lists every n8n operation and trigger event in the n8n package's README", () => {
    for (const c of [...Object.values(actions), ...Object.values(sources)]) {
      expect(files["packages/n8n/README.md"]).toContain(` ${String(c.name).replace(/\s*\(Instant\)$/, "")} |`);
    }
  });

  it("keeps the README short", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });
});

describe("docs helpers", () => {
  it("shortens long lists and strings, and leaves short ones alone", () => {
    expect(trim([1, 2, 3])).toEqual([1, 2, 3]);
    expect(trim(Array.from({ length: 100 }, (_, i) => i))).toEqual([0, 1, 2, 3, 4, 5, "… 94 more"]);
    expect(trim({ a: [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }] })).toEqual({ a: [{ x: 1 }, { x: 2 }, "… 2 more"] });
    expect(trim("x".repeat(200))).toBe(`${"x".repeat(120)}… (200 characters)`);
  });

  it("takes a description's first sentence, without its documentation link", () => {
    expect(oneLine("Get goals. More here. [See the documentation](https://x)")).toBe("Get goals.");
    expect(oneLine("Emit new event, e.g. 1.5 kg, when ready. More. [See the documentation](https://x)"))
      .toBe("Emit new event, e.g. 1.5 kg, when ready.");
  });

  it("replaces only what lies between the README's markers, and refuses a README without them", () => {
    const text = `a\n${START}\nold\n${END}\nb`;
    expect(spliceTable(text, "new")).toBe(`a\n${START}\nnew\n${END}\nb`);
    expect(() => spliceTable("a\nb", "new")).toThrow(/markers/);
  });
});
