import {
  NodeConnectionTypes,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type IPollFunctions,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE, type N8nContext } from '../../shared/transport';
import { eventItems, hostSource, sourceProperties } from '../../shared/sources';
import { readParameter } from '../../shared/describe';

export class WithingsPollTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Withings Poll Trigger',
    name: 'withingsPollTrigger',
    icon: { light: 'file:withings.svg', dark: 'file:withings.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow with each new Withings record, checking on a schedule',
    defaults: { name: 'Withings Poll Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    properties: sourceProperties('polling'),
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const slug = this.getNodeParameter('event') as string;
    const read = (name: string) => readParameter(() => this.getNodeParameter(name, undefined));
    const ctx = this as unknown as N8nContext & IPollFunctions;
    if (this.getMode() === 'manual') {
      // "Fetch test event": the source's first-run backfill on scratch state; the stored cursor is untouched.
      const { host, emitted } = await hostSource(ctx, slug, read, { scratch: true });
      await host.deploy();
      const items = eventItems(emitted);
      return items.length ? [items.slice(-1)] : null;
    }
    const hosted = await hostSource(ctx, slug, read);
    if (!hosted.host.deployed) {
      // The first poll places the cursor (what already exists is remembered, not emitted).
      await hosted.host.deploy();
      hosted.commit();
      return null;
    }
    await hosted.host.run();
    hosted.commit();
    const items = eventItems(hosted.emitted);
    return items.length ? [items] : null;
  }
}
