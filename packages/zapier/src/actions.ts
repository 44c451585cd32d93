/**
 * Searches and creates from the actions: a write action (`annotations.readOnlyHint === false`, the notification
 * subscriptions) is a create, every read is a "Find …" search. Each runs the component's own `run`; an action added
 * to components/withings reaches Zapier with the next `npm run catalog`, with no code here.
 */
import type { Bundle, ZObject } from "zapier-platform-core";
import { annotationsOf, catalog, describeProps, propOptions, recordsOf, type ComponentLike } from "../../../hosts/kit";
import { inputField, zapierKey } from "./fields";
import { appOverrides, guarded } from "./send";
import { authOf, runForZapier } from "./run";
import { NOT_MEDICAL } from "./copy";

export type ActionKind = "search" | "create";

/** A write action is a create; everything else is a search. */
export const kindOf = (component: ComponentLike): ActionKind =>
  (annotationsOf(component).readOnlyHint === false ? "create" : "search");

/** "Get Measures" → "Find Measures", "List Devices" → "Find Devices". */
export const searchLabel = (name: string): string => name.replace(/^(Get|List)\s+/, "Find ");

/** Zapier key of an action: its slug, underscored (`get_measures`). */
export const actionKey = (slug: string): string => zapierKey(slug);

/** The hidden trigger that lists a prop's choices for a dropdown. */
export const optionsKey = (slug: string, prop: string): string => zapierKey(`choices_${slug}_${prop}`);

function description(component: ComponentLike): string {
  const text = String((component as { description?: string }).description ?? "")
    .replace(/\s*\[See the documentation\]\([^)]*\)/g, "").trim();
  return `${text} ${NOT_MEDICAL}`.slice(0, 1000);
}

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;

/**
 * A search's results: a list as its records, an object as one result. Nothing found (an empty list, or an object
 * whose lists are all empty) is zero results, not an error.
 */
export function searchResults(result: unknown, summary?: string): Record<string, unknown>[] {
  if (Array.isArray(result)) return recordsOf(result);
  const lists = result && typeof result === "object" ? Object.values(result).filter(Array.isArray) : [];
  if (lists.length > 0 && lists.every(isEmptyList)) return [];
  return recordsOf(result).map((r) => ({ ...r, ...(summary ? { summary } : {}) }));
}

/** A create's result: always one object. */
export function createResult(result: unknown, summary?: string): Record<string, unknown> {
  const base = result && typeof result === "object" && !Array.isArray(result)
    ? result as Record<string, unknown> : { result: result ?? null };
  return { ...base, ...(summary ? { summary } : {}) };
}

function withNotes<T extends Record<string, unknown>>(r: T, notes: string[]): T {
  return notes.length ? { ...r, file_note: notes.join("; ") } : r;
}

function operation(slug: string, component: ComponentLike, kind: ActionKind) {
  const inputFields = describeProps(component).map((p) => inputField(p, p.dynamicOptions ? `${optionsKey(slug, p.name)}.id.label` : undefined));
  const perform = (z: ZObject, bundle: Bundle) => guarded(z, async () => {
    const { result, summary, notes } = await runForZapier(z, bundle, component);
    if (kind === "create") return withNotes(createResult(result, summary), notes);
    return searchResults(result, summary).map((r) => withNotes(r, notes));
  });
  return { perform, inputFields, sample: { summary: `${component.name} ran` } };
}

/** Searches, creates and the hidden dropdown triggers of the actions' dynamic props. */
export function buildActions(): { searches: Record<string, unknown>; creates: Record<string, unknown>; choices: Record<string, unknown> } {
  const searches: Record<string, unknown> = {};
  const creates: Record<string, unknown> = {};
  const choices: Record<string, unknown> = {};
  for (const [slug, component] of Object.entries(catalog.actions)) {
    const kind = kindOf(component);
    const key = actionKey(slug);
    const name = String(component.name);
    const def = {
      key,
      noun: name.replace(/^(Get|List|Subscribe to|Revoke|Update)\s+/, ""),
      display: { label: kind === "search" ? searchLabel(name) : name, description: description(component) },
      operation: operation(slug, component, kind),
    };
    (kind === "search" ? searches : creates)[key] = def;
    for (const p of describeProps(component)) {
      if (!p.dynamicOptions) continue;
      const k = optionsKey(slug, p.name);
      choices[k] = {
        key: k,
        noun: p.label,
        display: { label: `${p.label} Choices`, description: `Lists the choices of ${p.label} for ${name}.`, hidden: true },
        operation: {
          type: "polling",
          perform: (z: ZObject, bundle: Bundle) => guarded(z, async () => {
            const options = await propOptions(component, p.name, authOf(bundle), appOverrides(z));
            return options.map((o) => ({ id: String(o.value), label: o.label }));
          }),
        },
      };
    }
  }
  return { searches, creates, choices };
}
