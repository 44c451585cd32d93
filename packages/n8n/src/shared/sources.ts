/**
 * The Pipedream sources, run by the triggers with their state (cursor, remembered ids, subscriptions) in
 * the workflow's static data. A run works on a copy and writes it back only when it succeeds, so a failed
 * poll or fetch leaves the previous state for the next one: nothing lost, nothing repeated.
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import {
  catalog,
  emptyState,
  httpPropName,
  SourceHost,
  StateDb,
  type ComponentLike,
  type ComponentState,
  type EmittedEvent,
} from '../../../../hosts/kit';
import { fieldsFor, propsFrom } from './describe';
import { appOverrides, authOf, type N8nContext } from './transport';

export type SourceKind = 'instant' | 'polling';

export function sourcesOf(kind: SourceKind): Array<{ slug: string; component: ComponentLike }> {
  return Object.entries(catalog.sources)
    .filter(([, c]) => (httpPropName(c) !== undefined) === (kind === 'instant'))
    .map(([slug, component]) => ({ slug, component }));
}

/** A source's name as a trigger event: "New Weigh-in (Instant)" is the event "New Weigh-in". */
export const eventLabel = (c: ComponentLike, slug: string) => String(c.name ?? slug).replace(/\s*\(Instant\)\s*$/, '');

/** The "Event" selector and each source's own props. */
export function sourceProperties(kind: SourceKind): INodeProperties[] {
  const list = sourcesOf(kind);
  const options = list
    .map(({ slug, component }) => ({
      name: eventLabel(component, slug),
      value: slug,
      description: String((component as { description?: string }).description ?? '').split(/(?<=\.)\s/)[0].slice(0, 300),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const props: INodeProperties[] = [
    {
      displayName: 'Event',
      name: 'event',
      type: 'options',
      noDataExpression: true,
      required: true,
      options,
      default: options.find((o) => /weigh-in/.test(o.value))?.value ?? options[0].value,
    },
  ];
  for (const { slug, component } of list) props.push(...fieldsFor(slug, component, { event: [slug] }));
  return props;
}

interface Stored {
  slug: string;
  state: ComponentState;
}

const STATIC_KEY = 'withings';

/** The stored state of the selected source (a fresh one when the event was changed). */
export function readState(staticData: IDataObject, slug: string): ComponentState {
  const stored = staticData[STATIC_KEY] as Stored | undefined;
  if (!stored || stored.slug !== slug || !stored.state) return emptyState();
  return JSON.parse(JSON.stringify(stored.state)) as ComponentState;
}

export function writeState(staticData: IDataObject, slug: string, state: ComponentState): void {
  staticData[STATIC_KEY] = JSON.parse(JSON.stringify({ slug, state })) as IDataObject;
}

export interface Hosted {
  host: SourceHost;
  emitted: EmittedEvent[];
  state: ComponentState;
  commit(): void;
}

/** A deployed source over a copy of the static data; `commit()` writes the copy back. */
export async function hostSource(
  ctx: N8nContext & { getWorkflowStaticData(type: string): IDataObject },
  slug: string,
  read: (name: string) => unknown,
  extra: { endpoint?: string; respond?: (res: { status?: number; headers?: Record<string, string>; body?: unknown }) => void; scratch?: boolean } = {},
): Promise<Hosted> {
  const component = catalog.sources[slug];
  if (!component) throw new Error(`Unknown Withings event "${slug}"`);
  const staticData = ctx.getWorkflowStaticData('node');
  const state = extra.scratch ? emptyState() : readState(staticData, slug);
  const db = new StateDb(state);
  const emitted: EmittedEvent[] = [];
  const host = new SourceHost(component, {
    props: propsFrom(component, read),
    auth: await authOf(ctx),
    appOverrides: appOverrides(ctx),
    db,
    onEmit: (e) => emitted.push(e),
    ...(extra.endpoint !== undefined
      ? { http: { endpoint: extra.endpoint, respond: (r) => extra.respond?.(r) } }
      : {}),
  });
  return {
    host,
    emitted,
    state: db.meta,
    commit: () => {
      if (!extra.scratch) writeState(staticData, slug, db.meta);
    },
  };
}

/** New records as items, with the id, summary and time the Pipedream source gives them under `_meta`. */
export function eventItems(emitted: EmittedEvent[]): INodeExecutionData[] {
  return emitted
    .filter((e) => !e.duplicate)
    .map((e) => ({
      json: {
        ...(e.event && typeof e.event === 'object' && !Array.isArray(e.event) ? (e.event as IDataObject) : { value: e.event as never }),
        _meta: { id: e.meta.id ?? null, summary: e.meta.summary ?? null, ts: e.meta.ts ?? null },
      } as IDataObject,
    }));
}
