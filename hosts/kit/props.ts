/** Props as components declare them: shared definitions resolved, command-line strings coerced, what is required. */

/** The loose shape every component and app has at run time. */
export interface ComponentLike {
  key?: string;
  name?: string;
  type?: string;
  app?: string;
  dedupe?: string;
  props?: Record<string, unknown>;
  propDefinitions?: Record<string, PropDef>;
  methods?: Record<string, unknown>;
  hooks?: { deploy?: Function; activate?: Function; deactivate?: Function };
  run?: Function;
}

export interface PropDef {
  type?: string;
  label?: string;
  optional?: boolean;
  default?: unknown;
  propDefinition?: [ComponentLike, string, unknown?];
  customResponse?: boolean;
  [k: string]: unknown;
}

/** A prop as declared, with a `propDefinition` reference replaced by the app's shared definition. */
export function resolvePropDef(raw: unknown): PropDef {
  if (typeof raw === "string") return { type: raw };
  const def = (raw ?? {}) as PropDef;
  if (!def.propDefinition) return def;
  const [app, name] = def.propDefinition;
  const shared = app?.propDefinitions?.[name];
  if (!shared) throw new Error(`propDefinition "${name}" is not defined by the ${app?.app ?? "app"} app`);
  const { propDefinition: _ref, ...overrides } = def;
  return { ...shared, ...overrides };
}

export const isApp = (v: unknown): v is ComponentLike => !!v && typeof v === "object" && (v as ComponentLike).type === "app";

/** Turns a command-line string into the prop's type (`integer`, `boolean`, `string[]`, `object`...). */
export function coerce(name: string, def: PropDef, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const type = def.type ?? "string";
  const list = (): string[] => {
    const t = value.trim();
    if (t.startsWith("[")) return (JSON.parse(t) as unknown[]).map(String);
    return t === "" ? [] : t.split(",").map((s) => s.trim());
  };
  const int = (s: string): number => {
    const n = Number(s);
    if (!Number.isInteger(n)) throw new Error(`Prop ${name} must be an integer, got "${s}"`);
    return n;
  };
  switch (type) {
    case "integer": return int(value);
    case "integer[]": return list().map(int);
    case "string[]": return list();
    case "boolean":
      if (value === "true" || value === "false") return value === "true";
      throw new Error(`Prop ${name} must be true or false, got "${value}"`);
    case "object":
    case "any":
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default: return value;
  }
}

/**
 * `coerce` for hosts whose clients may send any value as a string (some MCP clients do): a string that reads
 * cleanly as the prop's type becomes that value; anything else is returned as it came, for the host's or the
 * component's own checks to report.
 */
export function coerceLoosely(type: string, value: unknown): unknown {
  if (typeof value !== "string" || (value.trim() === "" && !type.endsWith("[]"))) return value;
  try {
    return coerce("value", { type }, value);
  } catch {
    return value;
  }
}

/** True for a source with an HTTP interface (an "(Instant)" source). */
export function httpPropName(component: ComponentLike): string | undefined {
  for (const [name, raw] of Object.entries(component.props ?? {})) {
    if (!isApp(raw) && resolvePropDef(raw).type === "$.interface.http") return name;
  }
  return undefined;
}

/** Whether the http prop asks to answer requests itself (`customResponse: true`). */
export function wantsCustomResponse(component: ComponentLike): boolean {
  const name = httpPropName(component);
  if (!name) return false;
  return !!resolvePropDef(component.props![name]).customResponse;
}

/** Required props that have neither a value nor a default: what a user must fill in. */
export function missingRequiredProps(component: ComponentLike, given: Record<string, unknown> = {}): string[] {
  return Object.entries(component.props ?? {}).filter(([name, raw]) => {
    if (isApp(raw) || given[name] !== undefined) return false;
    const def = resolvePropDef(raw);
    if (typeof def.type === "string" && def.type.startsWith("$.")) return false;
    return !def.optional && def.default === undefined && def.type !== "alert";
  }).map(([name]) => name);
}

/** Only the app props of a component (to build its `this` for async options). */
export function appPropsOnly(component: ComponentLike): Record<string, unknown> {
  return Object.fromEntries(Object.entries(component.props ?? {}).filter(([, p]) => isApp(p)));
}

