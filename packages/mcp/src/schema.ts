/**
 * JSON Schemas and argument checks built from a component's props (`describeProps`), so a tool's input
 * schema is the component's own declaration: types, fixed choices, defaults, bounds and required props.
 */
import type { PropSpec } from "../../../hosts/kit/describe";
import { coerceLoosely } from "../../../hosts/kit/props";

export type JsonSchema = Record<string, unknown>;

/** Arguments the MCP host adds to some tools; they shape the reply and never reach the component. */
export interface Extra {
  name: string;
  schema: JsonSchema;
}

/** Most records shown when a model asks for more with `max_records`. */
export const MAX_RECORDS_CEILING = 1000;

export const MAX_RECORDS: Extra = {
  name: "max_records",
  schema: {
    type: "integer", minimum: 1, maximum: MAX_RECORDS_CEILING,
    description: "How many records to put in the reply. By default the reply holds as many as fit in about "
      + "10 KB and says how many there are in total; set this to see more, or narrow the date range.",
  },
};

export const INCLUDE_SAMPLES: Extra = {
  name: "include_samples",
  schema: {
    type: "boolean", default: false,
    description: "Also return the raw samples (thousands of numbers). Leave false unless the samples themselves are needed.",
  },
};

const TYPES: Record<string, JsonSchema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  "string[]": { type: "array", items: { type: "string" } },
  "integer[]": { type: "array", items: { type: "integer" } },
  object: { type: "object" },
};

/** One prop as a JSON Schema property. */
export function propSchema(p: PropSpec): JsonSchema {
  const s: JsonSchema = structuredClone(TYPES[p.type] ?? {});
  const item = (s.items as JsonSchema | undefined) ?? s;
  if (p.options?.length) item.enum = p.options.map((o) => o.value);
  if (p.min !== undefined) item.minimum = p.min;
  if (p.max !== undefined) item.maximum = p.max;
  const choices = p.options?.length && p.options.some((o) => o.label !== String(o.value))
    ? ` Choices: ${p.options.map((o) => `${JSON.stringify(o.value)} = ${o.label}`).join("; ")}.` : "";
  s.title = p.label;
  s.description = `${p.description}${choices}`.trim();
  if (p.default !== undefined) s.default = p.default;
  return s;
}

export function inputSchemaOf(props: PropSpec[], extras: Extra[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const p of props) properties[p.name] = propSchema(p);
  for (const e of extras) properties[e.name] = e.schema;
  const required = props.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

const describeType = (s: JsonSchema): string => {
  if (s.type === "array") return `a list of ${describeType(s.items as JsonSchema).replace(/^an? /, "")}s`;
  return { integer: "a whole number", boolean: "true or false", string: "a string", object: "a JSON object" }[String(s.type)] ?? String(s.type);
};

function typeOk(s: JsonSchema, v: unknown): boolean {
  switch (s.type) {
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "boolean": return typeof v === "boolean";
    case "string": return typeof v === "string";
    case "object": return !!v && typeof v === "object" && !Array.isArray(v);
    case "array": return Array.isArray(v);
    default: return true;
  }
}

/** What is wrong with one value, in words an agent can act on; undefined when it is fine. */
function problem(name: string, s: JsonSchema, v: unknown): string | undefined {
  const a = `Argument "${name}"`;
  if (!typeOk(s, v)) return `${a} must be ${describeType(s)}, got ${JSON.stringify(v)}.`;
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = problem(`${name}[]`, s.items as JsonSchema, x);
      if (p) return p.replace(`"${name}[]"`, `"${name}"`).replace(" must be", " items must each be");
    }
    return undefined;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(v)) {
    return `${a} must be one of ${s.enum.map((e) => JSON.stringify(e)).join(", ")}; got ${JSON.stringify(v)}.`;
  }
  if (typeof v === "number" && typeof s.minimum === "number" && v < s.minimum) return `${a} must be at least ${s.minimum}, got ${v}.`;
  if (typeof v === "number" && typeof s.maximum === "number" && v > s.maximum) return `${a} must be at most ${s.maximum}, got ${v}.`;
  return undefined;
}

/** The prop type a JSON schema of `inputSchemaOf` stands for, to read string arguments as the runner reads props. */
function propType(s: JsonSchema): string {
  if (s.type === "array") return `${(s.items as JsonSchema | undefined)?.type === "integer" ? "integer" : "string"}[]`;
  return String(s.type ?? "string");
}


/**
 * Checks arguments against an input schema made by `inputSchemaOf`; every problem names its argument.
 * Answers the arguments with clean strings read as their declared types.
 */
export function parseArgs(schema: JsonSchema, input: unknown): { args: Record<string, unknown>; problems: string[] } {
  if (input === undefined || input === null) input = {};
  if (typeof input !== "object" || Array.isArray(input)) return { args: {}, problems: ["The arguments must be an object."] };
  const props = schema.properties as Record<string, JsonSchema>;
  const args: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    if (!props[name]) {
      problems.push(`Unknown argument "${name}"; this tool takes ${Object.keys(props).map((k) => `"${k}"`).join(", ") || "no arguments"}.`);
      continue;
    }
    if (raw === undefined || raw === null) continue;
    // Some clients send every argument as a string ("5", "true", "[1,4]"): read it as the declared type.
    const v = coerceLoosely(propType(props[name]), raw);
    const p = problem(name, props[name], v);
    if (p) problems.push(p);
    else args[name] = v;
  }
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (args[name] === undefined && !problems.some((p) => p.startsWith(`Argument "${name}"`))) {
      problems.unshift(`Argument "${name}" is required: ${String(props[name].description ?? "")}`.trim());
    }
  }
  return { args, problems };
}

export const checkArgs = (schema: JsonSchema, input: unknown): string[] => parseArgs(schema, input).problems;
