import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type ILoadOptionsFunctions,
  type INodeExecutionData,
  type INodePropertyOptions,
  type INodeType,
  type INodeTypeDescription,
  type JsonObject,
  NodeApiError,
} from 'n8n-workflow';
import { describeProps, propOptions, recordsOf, runAction } from '../../../../../hosts/kit';
import { actionProperties, findOperation, operations } from '../../shared/actions';
import { loadOptionsMethodName, propsFrom, readParameter } from '../../shared/describe';
import { BinarySink } from '../../shared/files';
import { appOverrides, authOf, CREDENTIAL_TYPE, type N8nContext } from '../../shared/transport';
import { isWithingsError } from '../../shared/errors';

/** One load-options method per prop whose choices come from the account (e.g. ECG recordings). */
function loadOptionsMethods(): Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> {
  const methods: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {};
  for (const op of operations()) {
    for (const spec of describeProps(op.component)) {
      if (!spec.dynamicOptions) continue;
      methods[loadOptionsMethodName(op.slug, spec.name)] = async function (this: ILoadOptionsFunctions) {
        const ctx = this as unknown as N8nContext;
        const options = await propOptions(op.component, spec.name, await authOf(ctx), appOverrides(ctx));
        return options.map((o) => ({ name: o.label, value: o.value as string | number }));
      };
    }
  }
  return methods;
}

/** An action's result as n8n items: one per record of a list, else the one object. */
export const toItems = (result: unknown): IDataObject[] => recordsOf(result) as IDataObject[];

export class Withings implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Withings',
    name: 'withings',
    icon: { light: 'file:withings.svg', dark: 'file:withings.dark.svg' },
    group: ['input'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Read Withings health data: measures, activity, sleep, ECG, stethoscope, devices and notifications',
    defaults: { name: 'Withings' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    properties: actionProperties(),
  };

  methods = { loadOptions: loadOptionsMethods() };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const out: INodeExecutionData[] = [];
    const ctx = this as unknown as N8nContext;
    const auth = await authOf(ctx);
    const summaries: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const resource = this.getNodeParameter('resource', i) as string;
      const slug = this.getNodeParameter('operation', i) as string;
      const op = findOperation(resource, slug);
      try {
        if (!op) throw new NodeOperationError(this.getNode(), `Unknown operation "${slug}" for resource "${resource}"`, { itemIndex: i });
        const props = propsFrom(op.component, (name) => readParameter(() => this.getNodeParameter(name, i, undefined)));
        const files = new BinarySink();
        const run = await runAction(op.component, { props, auth, appOverrides: appOverrides(ctx), files });
        const records = toItems(run.result);
        const binary = await files.toBinary((data, name, mime) => this.helpers.prepareBinaryData(data, name, mime));
        if (run.summary) summaries.push(run.summary);
        if (!records.length && binary) records.push({});
        records.forEach((json, k) => {
          out.push({ json, pairedItem: { item: i }, ...(k === 0 && binary ? { binary } : {}) });
        });
      } catch (error) {
        if (this.continueOnFail()) {
          out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
          continue;
        }
        if (isWithingsError(error)) {
          throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
            message: (error as Error).message,
            itemIndex: i,
          });
        }
        throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
      }
    }
    if (summaries.length && typeof this.addExecutionHints === 'function') {
      this.addExecutionHints({ message: summaries.length === 1 ? summaries[0] : `${summaries[0]} (and ${summaries.length - 1} more)`, location: 'outputPane' });
    }
    return [out];
  }
}
