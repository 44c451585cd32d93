/**
 * A component's user-facing inputs as plain data, for hosts that build their own forms or schemas (MCP
 * tool input schemas, n8n node fields, Zapier input fields) from the one definition in the component.
 */
import { isApp, resolvePropDef, type ComponentLike } from "./props";
import { toOption, type PropOption } from "./run";

export interface PropSpec {
  name: string;
  /** Pipedream's type: `string`, `integer`, `boolean`, `string[]`, `integer[]`, `object`. */
  type: string;
  label: string;
  description: string;
  /** False when the user must give a value: no default and not optional. */
  required: boolean;
  default?: unknown;
  /** Fixed choices; absent when the choices are loaded from the account (see `dynamicOptions`). */
  options?: PropOption[];
  /** The choices come from `async options()` (e.g. the account's recordings): load them with `propOptions`. */
  dynamicOptions: boolean;
  min?: number;
  max?: number;
  secret?: boolean;
}

/** Props a host shows to its user: not the app, the db, the timer or HTTP interfaces, nor alerts. */
export function describeProps(component: ComponentLike): PropSpec[] {
  const out: PropSpec[] = [];
  for (const [name, raw] of Object.entries(component.props ?? {})) {
    if (isApp(raw)) continue;
    const def = resolvePropDef(raw);
    const type = String(def.type ?? "string");
    if (type.startsWith("$.") || type === "alert") continue;
    const spec: PropSpec = {
      name,
      type,
      label: String(def.label ?? name),
      description: String(def.description ?? ""),
      required: !def.optional && def.default === undefined,
      dynamicOptions: typeof def.options === "function",
    };
    if (def.default !== undefined) spec.default = JSON.parse(JSON.stringify(def.default));
    if (Array.isArray(def.options)) spec.options = def.options.map(toOption);
    if (typeof def.min === "number") spec.min = def.min;
    if (typeof def.max === "number") spec.max = def.max;
    if (def.secret === true) spec.secret = true;
    out.push(spec);
  }
  return out;
}

/** `withings-get-measures` → `get-measures`. */
export const slugOf = (component: ComponentLike): string => String(component.key ?? "").replace(/^withings-/, "");

/** The annotations an action declares (Pipedream's MCP-style hints), with absent ones left out. */
export function annotationsOf(component: ComponentLike): { readOnlyHint?: boolean; destructiveHint?: boolean; openWorldHint?: boolean } {
  return { ...((component as { annotations?: Record<string, boolean> }).annotations ?? {}) };
}
