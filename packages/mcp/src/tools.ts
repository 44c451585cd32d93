/**
 * One MCP tool per action in the catalog, generated from the component: its name, title, description,
 * props and annotations. Nothing here is written per action, so an action added later is a tool at once.
 */
import { actions } from "../../../hosts/kit/catalog";
import { annotationsOf, describeProps, type PropSpec } from "../../../hosts/kit/describe";
import type { ComponentLike } from "../../../hosts/kit/props";
import { INCLUDE_SAMPLES, MAX_RECORDS, inputSchemaOf, type Extra, type JsonSchema } from "./schema";

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolDef {
  name: string;
  slug: string;
  component: ComponentLike;
  title: string;
  description: string;
  props: PropSpec[];
  extras: Extra[];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: ToolAnnotations;
}

/** `get-measures` → `withings_get_measures`. */
export const toolName = (slug: string): string => `withings_${slug.replace(/-/g, "_")}`;

/** Props that mark a tool returning a list of records (a date range or a result cap). */
const LIST_PROPS = ["startDate", "lastUpdate", "maxResults"];

/** The reply every tool gives as structured content; records stay as the component decodes them. */
export const OUTPUT_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    summary: { type: "string", description: "One line saying what was found." },
    records: { type: "array", items: { type: "object" }, description: "Decoded records (possibly capped: see total)." },
    record: { type: "object", description: "The one decoded record, when the tool returns a single item." },
    value: { description: "The result when it is neither a record nor a list of records." },
    total: { type: "integer", description: "How many records the query found." },
    returned: { type: "integer", description: "How many of them are in `records`." },
    truncated: { type: "boolean", description: "True when `records` holds fewer than `total`." },
    more: { type: "string", description: "How to get the records left out." },
    omitted: { type: "array", items: { type: "string" }, description: "Fields left out of `record`, and how to get them." },
    attachments: {
      type: "array",
      description: "Files returned as image, audio or resource content beside this reply.",
      items: {
        type: "object",
        properties: { name: { type: "string" }, mimeType: { type: "string" }, bytes: { type: "integer" } },
        required: ["name", "mimeType", "bytes"],
      },
    },
  },
  required: ["summary"],
};

function hostNote(extras: Extra[]): string {
  const notes: string[] = [];
  if (extras.includes(MAX_RECORDS)) notes.push("Long results are capped: the reply gives the total and how to ask for more.");
  if (extras.includes(INCLUDE_SAMPLES)) {
    notes.push("Here any strip chart comes back as a PNG image and any heart sound as WAV audio; samples only with include_samples.");
  }
  return notes.length ? `\n\n${notes.join(" ")}` : "";
}

export function toolDef(slug: string, component: ComponentLike): ToolDef {
  const props = describeProps(component);
  const names = new Set(props.map((p) => p.name));
  const extras: Extra[] = [];
  if (LIST_PROPS.some((n) => names.has(n))) extras.push(MAX_RECORDS);
  if (names.has("signalId")) extras.push(INCLUDE_SAMPLES);
  const own = annotationsOf(component);
  const annotations: ToolAnnotations = { title: String(component.name ?? slug), ...own };
  // A read changes nothing, so asking twice has no further effect. Writes keep the default (false).
  annotations.idempotentHint = own.readOnlyHint === true;
  return {
    name: toolName(slug),
    slug,
    component,
    title: String(component.name ?? slug),
    description: `${String((component as { description?: string }).description ?? "")}${hostNote(extras)}`,
    props,
    extras,
    inputSchema: inputSchemaOf(props, extras),
    outputSchema: OUTPUT_SCHEMA,
    annotations,
  };
}

/** Every action of the catalog as a tool, in catalog order. */
export function toolDefs(catalog: Record<string, ComponentLike> = actions): ToolDef[] {
  return Object.entries(catalog).map(([slug, c]) => toolDef(slug, c));
}
