/**
 * n8n fields generated from the components' props (`describeProps`): the label, description, type, static
 * choices, default, bounds and whether a value is required all come from the one definition in the
 * component. A prop whose choices come from the account gets a load-options method of its own.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';
import { coerceLoosely, describeProps, type ComponentLike, type PropSpec } from '../../../../hosts/kit';

/** Optional props without a default live in a collection, so that "not given" stays distinguishable. */
export const OPTIONS_FIELD = 'additionalFields';

/** The name of the load-options method for one prop of one component. */
export const loadOptionsMethodName = (slug: string, prop: string): string =>
  `${slug.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}_${prop}`;

const isList = (t: string) => t.endsWith('[]');
const isInteger = (t: string) => t === 'integer' || t === 'integer[]';

/** Markdown links and code spans as n8n shows them (it renders a little HTML). */
function toHint(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

function emptyDefault(spec: PropSpec): NodeParameterValueType {
  if (isList(spec.type)) return [];
  if (isInteger(spec.type)) return 0;
  if (spec.type === 'boolean') return false;
  if (spec.type === 'object') return '{}';
  return '';
}

/** One n8n field for one prop (without displayOptions). */
export function fieldFor(slug: string, spec: PropSpec): INodeProperties {
  const base = {
    displayName: spec.label,
    name: spec.name,
    description: toHint(spec.description),
    default: (spec.default ?? emptyDefault(spec)) as NodeParameterValueType,
  };
  const list = isList(spec.type);
  if (spec.dynamicOptions) {
    return {
      ...base,
      type: list ? 'multiOptions' : 'options',
      typeOptions: { loadOptionsMethod: loadOptionsMethodName(slug, spec.name) },
      ...(list ? {} : { default: spec.default ?? '' }),
    } as INodeProperties;
  }
  if (spec.options?.length) {
    const options: INodePropertyOptions[] = spec.options.map((o) => ({
      name: o.label,
      value: o.value as string | number,
    }));
    return { ...base, type: list ? 'multiOptions' : 'options', options } as INodeProperties;
  }
  if (list) {
    return {
      ...base,
      type: 'string',
      default: Array.isArray(spec.default) ? spec.default.join(',') : '',
      placeholder: 'comma-separated values',
    };
  }
  if (isInteger(spec.type)) {
    return {
      ...base,
      type: 'number',
      typeOptions: {
        numberPrecision: 0,
        ...(spec.min !== undefined ? { minValue: spec.min } : {}),
        ...(spec.max !== undefined ? { maxValue: spec.max } : {}),
      },
    };
  }
  if (spec.type === 'boolean') return { ...base, type: 'boolean' };
  if (spec.type === 'object') return { ...base, type: 'json' };
  return { ...base, type: 'string', ...(spec.secret ? { typeOptions: { password: true } } : {}) };
}

/** The fields of one component, shown when `show` matches: required/defaulted first, then a collection. */
export function fieldsFor(slug: string, component: ComponentLike, show: Record<string, string[]>): INodeProperties[] {
  const specs = describeProps(component);
  const top = specs.filter((s) => s.required || s.default !== undefined);
  const optional = specs.filter((s) => !s.required && s.default === undefined);
  const out: INodeProperties[] = top.map((s) => ({
    ...fieldFor(slug, s),
    required: s.required,
    displayOptions: { show },
  }));
  if (optional.length) {
    out.push({
      displayName: 'Additional Fields',
      name: OPTIONS_FIELD,
      type: 'collection',
      placeholder: 'Add Field',
      default: {},
      displayOptions: { show },
      options: optional.map((s) => fieldFor(slug, s)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  }
  return out;
}

/** n8n's values back into the component's props: lists split, empty values left out, collection flattened. */
export function propsFrom(component: ComponentLike, read: (name: string) => unknown): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const specs = describeProps(component);
  const extra = specs.some((s) => !s.required && s.default === undefined)
    ? ((read(OPTIONS_FIELD) ?? {}) as IDataObject)
    : {};
  for (const spec of specs) {
    const inTop = spec.required || spec.default !== undefined;
    let value = inTop ? read(spec.name) : extra[spec.name];
    if (value === undefined || value === null) continue;
    if (isList(spec.type)) {
      // A typed list ("9, 10") or n8n's multi-options (strings): read as the prop's type, as the runner does.
      const list = coerceLoosely(spec.type, value);
      value = (Array.isArray(list) ? list : [list]).filter((v) => v !== '');
      if (isInteger(spec.type)) value = (value as unknown[]).map((v) => coerceLoosely('integer', v));
      if ((value as unknown[]).length === 0 && !spec.required) continue;
    } else if (typeof value === 'string' && value.trim() === '' && !spec.required) {
      continue;
    } else if (spec.type === 'object') {
      // JSON text becomes the object; anything else is left for the component's own validation to report.
      value = coerceLoosely(spec.type, value);
    }
    props[spec.name] = value;
  }
  return props;
}

/** A parameter's value, or undefined when n8n has none (a hidden or never-set field). */
export function readParameter(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return undefined;
  }
}
