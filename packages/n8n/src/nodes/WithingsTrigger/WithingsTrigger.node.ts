import {
  NodeConnectionTypes,
  type IDataObject,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE, type N8nContext } from '../../shared/transport';
import { eventItems, hostSource, readState, sourceProperties } from '../../shared/sources';
import { readParameter } from '../../shared/describe';

type HookContext = N8nContext & IHookFunctions;

/** Where Withings posts: the workflow's production (or test) webhook URL. */
const endpointOf = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getNodeWebhookUrl('default') as string;

export class WithingsTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Withings Trigger',
    name: 'withingsTrigger',
    icon: { light: 'file:withings.svg', dark: 'file:withings.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow when Withings notifies new data (weigh-ins, measures, sleep, activity, ECG, bed presence, unlinking)',
    defaults: { name: 'Withings Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    webhooks: [
      // Withings checks the callback URL with HEAD before it accepts a subscription.
      { name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'webhook' },
      { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
    ],
    properties: sourceProperties('instant'),
  };

  webhookMethods = {
    default: {
      /** True when this workflow's subscriptions are stored and Withings still lists every one of them. */
      async checkExists(this: IHookFunctions): Promise<boolean> {
        const slug = this.getNodeParameter('event') as string;
        const stored = readState(this.getWorkflowStaticData('node'), slug).db.webhook_subscriptions as
          | { callbackurl?: string; applis?: number[] }
          | null
          | undefined;
        const url = endpointOf(this);
        if (!stored?.callbackurl || stored.callbackurl !== url || !Array.isArray(stored.applis)) return false;
        try {
          const read = (name: string) => readParameter(() => this.getNodeParameter(name, undefined));
          const { host } = await hostSource(this as unknown as HookContext, slug, read, { endpoint: url });
          const listed = (await host.self.withings.listNotifications({})) as { profiles?: Array<{ callbackurl?: string; appli?: number }> };
          const have = new Set((listed.profiles ?? []).filter((p) => p.callbackurl === url).map((p) => Number(p.appli)));
          return stored.applis.every((a) => have.has(a));
        } catch (error) {
          this.logger.warn(`Withings subscriptions could not be checked, subscribing again: ${(error as Error).message}`);
          return false;
        }
      },
      /** Places the cursor (the source's deploy) and subscribes; a failure revokes what it created. */
      async create(this: IHookFunctions): Promise<boolean> {
        const slug = this.getNodeParameter('event') as string;
        const read = (name: string) => readParameter(() => this.getNodeParameter(name, undefined));
        const hosted = await hostSource(this as unknown as HookContext, slug, read, { endpoint: endpointOf(this) });
        await hosted.host.deploy();
        hosted.commit();
        return true;
      },
      /** Revokes the stored subscriptions (never throws: Withings may have dropped them already). */
      async delete(this: IHookFunctions): Promise<boolean> {
        const slug = this.getNodeParameter('event') as string;
        const read = (name: string) => readParameter(() => this.getNodeParameter(name, undefined));
        try {
          const hosted = await hostSource(this as unknown as HookContext, slug, read, { endpoint: endpointOf(this) });
          await hosted.host.deactivate();
          hosted.commit();
        } catch (error) {
          this.logger.warn(`Withings subscriptions could not be revoked: ${(error as Error).message}`);
          return false;
        }
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const res = this.getResponseObject();
    let answered = false;
    const respond = (r: { status?: number; headers?: Record<string, string>; body?: unknown } = {}) => {
      if (answered) return;
      answered = true;
      res.status(r.status ?? 200);
      for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
      res.end(typeof r.body === 'string' ? r.body : '');
    };
    const req = this.getRequestObject();
    if (this.getWebhookName() === 'setup' || req.method?.toUpperCase() !== 'POST') {
      respond({ status: 200 });
      return { noWebhookResponse: true };
    }
    const slug = this.getNodeParameter('event') as string;
    const read = (name: string) => readParameter(() => this.getNodeParameter(name, undefined));
    const raw = (req as unknown as { rawBody?: Buffer | string }).rawBody;
    const event = {
      method: 'POST',
      path: String(req.path ?? ''),
      query: (req.query ?? {}) as Record<string, string>,
      headers: (req.headers ?? {}) as Record<string, string>,
      bodyRaw: raw === undefined ? '' : String(raw),
      body: this.getBodyData() as IDataObject,
    };
    try {
      const hosted = await hostSource(this as unknown as N8nContext & IWebhookFunctions, slug, read, {
        endpoint: endpointOf(this),
        respond,
      });
      // The source answers 200 before it reads anything (Withings gives up on slow callbacks).
      await hosted.host.runRequest(event, respond);
      hosted.commit();
      const items = eventItems(hosted.emitted);
      return items.length ? { noWebhookResponse: true, workflowData: [items] } : { noWebhookResponse: true };
    } finally {
      respond({ status: 200 });
    }
  }
}
