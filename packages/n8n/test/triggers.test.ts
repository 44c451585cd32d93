/** The two triggers in a small n8n context, against the simulator: the Pipedream sources' engine and ids. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { catalog, SourceHost, StateDb } from '../../../hosts/kit';
import { startSimulator } from '../../../simulator/index';
import type { Simulator } from '../../../simulator/types';
import { WithingsPollTrigger } from '../src/nodes/WithingsPollTrigger/WithingsPollTrigger.node';
import { WithingsTrigger } from '../src/nodes/WithingsTrigger/WithingsTrigger.node';
import { sourcesOf } from '../src/shared/sources';
import { FakeN8n, storedCredential } from './n8n-context';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ seed: 7, rateLimitPerMinute: 0, allowLoopbackCallbacks: true, notifyRetryDelaysMs: [0, 50, 100] });
});
afterEach(async () => {
  await sim.close();
});

const n8nFor = (params: IDataObject) => new FakeN8n(storedCredential(sim.url, sim.client, sim.issueTokens()), params);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the triggers offer every source', () => {
  test('Poll Trigger: every polling source; Withings Trigger: every instant source (unlinking and bed presence too)', () => {
    const poll = new WithingsPollTrigger().description.properties.find((p) => p.name === 'event')!;
    const hook = new WithingsTrigger().description.properties.find((p) => p.name === 'event')!;
    const values = (p: typeof poll) => (p.options as Array<{ value: string }>).map((o) => o.value).sort();
    expect(values(poll)).toEqual(sourcesOf('polling').map((s) => s.slug).sort());
    expect(values(hook)).toEqual(sourcesOf('instant').map((s) => s.slug).sort());
    expect(values(hook)).toEqual(expect.arrayContaining(['account-unlinked-instant', 'bed-presence-changed-instant']));
    expect(values(poll).length + values(hook).length).toBe(Object.keys(catalog.sources).length);
  });

  test('the webhook trigger declares HEAD beside POST on the same path', () => {
    const hooks = new WithingsTrigger().description.webhooks!;
    expect(hooks.map((h) => [h.httpMethod, h.path])).toEqual([['HEAD', 'webhook'], ['POST', 'webhook']]);
  });
});

describe('Withings Poll Trigger', () => {
  const poll = (n8n: FakeN8n) => new WithingsPollTrigger().poll.call(n8n as unknown as IPollFunctions);

  test('the first poll places the cursor; a new workout is emitted once, with the polling source\'s id', async () => {
    const n8n = n8nFor({ event: 'new-workout' });
    expect(await poll(n8n)).toBeNull();
    expect(await poll(n8n)).toBeNull();
    const at = sim.clock.now();
    const workout = sim.data.addWorkout(sim.demoUserId, { startdate: at - 3600, enddate: at - 600, category: 1 });
    const out = await poll(n8n);
    expect(out).not.toBeNull();
    expect(out![0]).toHaveLength(1);
    expect(out![0][0].json).toMatchObject({ id: workout.id });
    expect(await poll(n8n)).toBeNull();

    // The same engine as on Pipedream: the source run by the kit gives that workout the same id.
    const ids: unknown[] = [];
    const host = new SourceHost(catalog.sources['new-workout'], {
      auth: { oauth_access_token: sim.issueTokens().access_token, base_url: sim.url }, db: new StateDb(), onEmit: (e) => ids.push(e.meta.id),
    });
    await host.deploy();
    expect(ids).toContain((out![0][0].json._meta as IDataObject).id);
  });

  test('a failed poll leaves the stored cursor; the next poll delivers the record once', async () => {
    const n8n = n8nFor({ event: 'new-workout' });
    await poll(n8n);
    const before = JSON.stringify(n8n.staticData);
    const at = sim.clock.now();
    sim.data.addWorkout(sim.demoUserId, { startdate: at - 3600, enddate: at - 600, category: 2 });
    sim.faults.failNext(10, 'http_500');
    await expect(poll(n8n)).rejects.toThrow();
    expect(JSON.stringify(n8n.staticData)).toBe(before);
    sim.faults.clear();
    const out = await poll(n8n);
    expect(out![0]).toHaveLength(1);
    expect(await poll(n8n)).toBeNull();
  });

  test('a restart (new node instance, same static data) repeats nothing', async () => {
    const n8n = n8nFor({ event: 'new-weigh-in', unitSystem: 'metric' });
    await poll(n8n);
    sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 20, weightKg: 80.1, device: 'body_plus' });
    const first = await poll(n8n);
    expect(first![0]).toHaveLength(1);
    const again = n8nFor({ event: 'new-weigh-in', unitSystem: 'metric' });
    again.staticData = JSON.parse(JSON.stringify(n8n.staticData));
    expect(await poll(again)).toBeNull();
  });

  test('"Fetch test event" returns a recent record and leaves the stored cursor alone', async () => {
    const n8n = n8nFor({ event: 'new-weigh-in', unitSystem: 'metric' });
    n8n.mode = 'manual';
    const out = await poll(n8n);
    expect(out![0]).toHaveLength(1);
    expect(n8n.staticData).toEqual({});
  });
});

describe('Withings Trigger (webhook)', () => {
  let server: Server;
  let n8n: FakeN8n;
  const trigger = new WithingsTrigger();
  const runs: IDataObject[][] = [];

  /** A loopback HTTP server standing in for n8n's webhook endpoint: HEAD and POST go to `webhook()`. */
  async function serve(): Promise<string> {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const ctx = Object.assign(Object.create(n8n) as FakeN8n, {
          getWebhookName: () => (req.method === 'HEAD' ? 'setup' : 'default'),
          getRequestObject: () => ({ method: req.method, path: req.url, query: {}, headers: req.headers, rawBody: raw }),
          getResponseObject: () => ({
            status: (s: number) => { res.statusCode = s; },
            setHeader: (k: string, v: string) => res.setHeader(k, v),
            end: (b?: string) => res.end(b),
          }),
          getBodyData: () => Object.fromEntries(new URLSearchParams(raw.toString())),
        });
        const out = await trigger.webhook.call(ctx as unknown as IWebhookFunctions);
        if (out.workflowData) runs.push(out.workflowData[0].map((i) => i.json));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/wf/webhook`;
  }

  beforeEach(async () => {
    runs.length = 0;
    n8n = n8nFor({ event: 'new-weigh-in-instant', unitSystem: 'metric' });
    n8n.webhookUrl = await serve();
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
  });
  const hook = (name: 'checkExists' | 'create' | 'delete') => trigger.webhookMethods.default[name].call(n8n as unknown as IHookFunctions);

  test('activation subscribes the webhook URL; each weigh-in is one execution, acknowledged at once; deactivation revokes', async () => {
    expect(await hook('checkExists')).toBe(false);
    expect(await hook('create')).toBe(true);
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([
      expect.objectContaining({ appli: 1, callbackurl: n8n.webhookUrl }),
    ]);
    expect(await hook('checkExists')).toBe(true);
    await wait(1100);

    const [group] = sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 30, weightKg: 70.2, fatRatio: 19.5, device: 'body_plus' });
    await sim.notifications.idle();
    await wait(200);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toHaveLength(1);
    expect(runs[0][0]).toMatchObject({ weight_kg: 70.2, grpids: [group.grpid] });
    const delivery = sim.notifications.deliveries.find((d) => d.form.appli === '1' && d.ok)!;
    expect(delivery.delayMs).toBeLessThan(1000);

    // The same notification again starts nothing.
    await fetch(n8n.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(delivery.form as Record<string, string>).toString() });
    await wait(300);
    expect(runs).toHaveLength(1);

    // HEAD (Withings' URL check) gets 200.
    expect((await fetch(n8n.webhookUrl, { method: 'HEAD' })).status).toBe(200);

    expect(await hook('delete')).toBe(true);
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([]);
    expect(await hook('checkExists')).toBe(false);
  });

  test('a subscription that fails leaves nothing behind', async () => {
    n8n.parameters.event = 'new-sleep-summary-instant';
    sim.faults.failNext(1, 'http_500', { path: '/notify', action: 'subscribe' } as never);
    await expect(hook('create')).rejects.toThrow();
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([]);
  });
});
