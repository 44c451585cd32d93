/**
 * The Withings node's resources and operations, generated from the actions in the catalog: an action
 * added to components/withings/actions reaches n8n with no n8n code written for it.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { catalog, type ComponentLike } from '../../../../hosts/kit';
import { fieldsFor } from './describe';

/** Resource of an action, read from its slug; anything else lands in "Other" (still an operation). */
const RESOURCES: Array<[RegExp, string, string]> = [
  [/notification/, 'notification', 'Notification'],
  [/ecg/, 'ecg', 'ECG'],
  [/stethoscope/, 'stethoscope', 'Stethoscope'],
  [/sleep/, 'sleep', 'Sleep'],
  [/measure/, 'measure', 'Measure'],
  [/activity|workout/, 'activity', 'Activity'],
  [/device|goal|user/, 'user', 'User'],
];

export function resourceOf(slug: string): { value: string; name: string } {
  for (const [re, value, name] of RESOURCES) if (re.test(slug)) return { value, name };
  return { value: 'other', name: 'Other' };
}

export interface Operation {
  slug: string;
  resource: string;
  component: ComponentLike;
}

export function operations(): Operation[] {
  return Object.entries(catalog.actions).map(([slug, component]) => ({
    slug,
    resource: resourceOf(slug).value,
    component,
  }));
}

export function findOperation(resource: string, slug: string): Operation | undefined {
  return operations().find((o) => o.resource === resource && o.slug === slug);
}

const firstSentence = (text: string): string => {
  const plain = text.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/`/g, '');
  const m = /^(.+?[.!?])(\s|$)/.exec(plain);
  return (m ? m[1] : plain).slice(0, 300);
};

/** resource, one operation selector per resource, then every action's fields. */
export function actionProperties(): INodeProperties[] {
  const ops = operations();
  const resources = new Map<string, string>();
  for (const o of ops) resources.set(o.resource, resourceOf(o.slug).name);
  const sortedResources = [...resources.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const props: INodeProperties[] = [
    {
      displayName: 'Resource',
      name: 'resource',
      type: 'options',
      noDataExpression: true,
      options: sortedResources.map(([value, name]) => ({ name, value })),
      default: sortedResources.find(([v]) => v === 'measure')?.[0] ?? sortedResources[0][0],
    },
  ];
  for (const [resource] of sortedResources) {
    const mine = ops.filter((o) => o.resource === resource);
    const options: INodePropertyOptions[] = mine
      .map((o) => ({
        name: String(o.component.name ?? o.slug),
        value: o.slug,
        description: firstSentence(String((o.component as { description?: string }).description ?? '')),
        action: String(o.component.name ?? o.slug),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    props.push({
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: [resource] } },
      options,
      default: options[0].value as string,
    });
  }
  for (const o of ops) {
    props.push(...fieldsFor(o.slug, o.component, { resource: [o.resource], operation: [o.slug] }));
  }
  return props;
}
