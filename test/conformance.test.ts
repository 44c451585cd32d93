import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import app from "../components/withings/withings.app";
import * as catalog from "../hosts/kit/catalog";
import { resolvePropDef } from "../runner/platform";

/**
 * Pipedream's conventions that its eslint plugin does not check (test/pipedream-lint.test.ts runs the plugin
 * over the build): keys matching folders, semver, Title Case names, documentation links, the app prop first,
 * prop names and definitions, annotation values, and the source essentials.
 */
const ROOT = join(__dirname, "..", "components", "withings");

/** Each folder's component, taken from hosts/kit/catalog.ts (static imports that jest can trace). */
function discover(kind: "actions" | "sources") {
  const dir = join(ROOT, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => slug !== "common" && existsSync(join(dir, slug, `${slug}.ts`)))
    .map((slug) => ({ kind, slug, file: `${slug}.ts`, component: catalog[kind][slug] as any }));
}

const components = [...discover("actions"), ...discover("sources")];
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const DOC_LINK = /\[See the documentation\]\(https:\/\/developer\.withings\.com\/[^)\s]+\)$/;
const TITLE_WORD = /^([A-Z0-9][A-Za-z0-9-]*|ECG|a|an|and|by|for|in|of|or|the|to|with|\(Instant\))$/;

/** A prop with its propDefinition resolved (which throws for a name the app does not define). */
function resolveProp(def: any): any {
  if (def?.propDefinition) expect(def.propDefinition[0]).toBe(app);
  return resolvePropDef(def);
}

describe("every component follows Pipedream's conventions", () => {
  it("finds the components", () => {
    expect(components.length).toBeGreaterThanOrEqual(1);
    // A folder missing from the catalog: `npm run catalog` adds it.
    expect(components.filter((c) => !c.component).map((c) => `${c.kind}/${c.slug}`)).toEqual([]);
  });

  describe.each(components)("$kind/$slug", ({ kind, slug, file, component }) => {
    it("has a key matching its folder and file", () => {
      expect(file).toBe(`${slug}.ts`);
      expect(component.key).toBe(`withings-${slug}`);
      expect(component.key.length).toBeLessThanOrEqual(64);
    });

    it("has the required properties", () => {
      expect(component.type).toBe(kind === "actions" ? "action" : "source");
      expect(component.version).toMatch(SEMVER);
      expect(typeof component.run).toBe("function");
    });

    it("has a Title Case name without the app name", () => {
      expect(component.name.trim()).toBe(component.name);
      for (const word of component.name.split(" ")) expect(word).toMatch(TITLE_WORD);
      expect(component.name).not.toMatch(/withings/i);
      if (kind === "actions") expect(component.name).not.toMatch(/^New /);
    });

    it("has a description that ends with a documentation link", () => {
      expect(component.description).toMatch(DOC_LINK);
    });

    if (kind === "sources" && slug.endsWith("-instant")) {
      it("is an instant source: (Instant) name, an http interface that answers itself, subscribe and revoke hooks", () => {
        expect(component.name).toMatch(/ \(Instant\)$/);
        expect(Object.keys(component.props).slice(0, 3)).toEqual(["withings", "db", "http"]);
        expect(component.props.http).toEqual({ type: "$.interface.http", customResponse: true });
        expect(typeof component.hooks.activate).toBe("function");
        expect(typeof component.hooks.deactivate).toBe("function");
      });
    }

    it("puts the app prop first", () => {
      const [first, ...rest] = Object.entries<any>(component.props);
      expect(first[0]).toBe("withings");
      expect(first[1]).toBe(app);
      expect(first[1]).toMatchObject({ type: "app", app: "withings" });
      for (const [, def] of rest) expect(def).not.toBe(app);
    });

    it("names props in camelCase; a prop from the app names one of the app's shared props", () => {
      for (const [name, raw] of Object.entries<any>(component.props).slice(1)) {
        expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect([name, typeof resolveProp(raw)]).toEqual([name, "object"]);
      }
    });

    if (kind === "actions") {
      it("declares honest annotations", () => {
        // Only the notification actions change anything on Withings; revoking removes a subscription.
        const writes = /^(subscribe|update|revoke)-/.test(slug);
        expect(component.annotations).toEqual({
          readOnlyHint: !writes, destructiveHint: slug.startsWith("revoke-"), openWorldHint: true,
        });
      });
    } else {
      it("dedupes by unique id, keeps state in the db, and ships a sample event", () => {
        expect(component.dedupe).toBe("unique");
        expect(resolveProp(component.props.db)).toMatchObject({ type: "$.service.db" });
        expect(component.sampleEmit).toBeDefined();
        expect(typeof component.sampleEmit).toBe("object");
      });
    }
  });
});

describe("the app", () => {
  it("has unique component keys", () => {
    const keys = components.map((c) => c.component.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
