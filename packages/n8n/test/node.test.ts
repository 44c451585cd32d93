/** The Withings node and its credential in a small n8n context, against the simulator. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { catalog, describeProps } from '../../../hosts/kit';
import { startSimulator } from '../../../simulator/index';
import type { Simulator } from '../../../simulator/types';
import { Withings } from '../src/nodes/Withings/Withings.node';
import { liftWithingsTokens, WithingsOAuth2Api } from '../src/credentials/WithingsOAuth2Api.credentials';
import { operations, resourceOf } from '../src/shared/actions';
import { OPTIONS_FIELD } from '../src/shared/describe';
import { FakeN8n, resolveCredentialExpression, storedCredential } from './n8n-context';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ seed: 7, rateLimitPerMinute: 0 });
});
afterEach(async () => {
  await sim.close();
});

const n8nFor = (params: IDataObject) => new FakeN8n(storedCredential(sim.url, sim.client, sim.issueTokens()), params);
const run = async (n8n: FakeN8n) => (await new Withings().execute.call(n8n as unknown as IExecuteFunctions))[0];

describe('operations are generated from the actions', () => {
  const node = new Withings();
  const props = node.description.properties;

  test('every action of the catalog is an operation of its resource', () => {
    expect(Object.keys(catalog.actions).length).toBeGreaterThanOrEqual(17);
    for (const slug of Object.keys(catalog.actions)) {
      const resource = resourceOf(slug).value;
      const selector = props.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === resource);
      expect(selector).toBeDefined();
      expect((selector!.options as Array<{ value: string }>).map((o) => o.value)).toContain(slug);
    }
    expect(operations().map((o) => o.slug).sort()).toEqual(Object.keys(catalog.actions).sort());
  });

  test("each operation shows the component's props, with labels, required flags, defaults and choices", () => {
    for (const [slug, component] of Object.entries(catalog.actions)) {
      const shown = props.filter((p) => p.displayOptions?.show?.operation?.[0] === slug);
      const collection = shown.find((p) => p.name === OPTIONS_FIELD);
      const inner = (collection?.options ?? []) as INodeProperties[];
      for (const spec of describeProps(component)) {
        const field = shown.find((p) => p.name === spec.name) ?? inner.find((p) => p.name === spec.name);
        expect(field).toBeDefined();
        expect(field!.displayName).toBe(spec.label);
        if (spec.required) expect(field!.required).toBe(true);
        if (spec.default !== undefined && !Array.isArray(spec.default)) expect(field!.default).toEqual(spec.default);
        if (spec.options?.length) expect((field!.options as unknown[]).length).toBe(spec.options.length);
        if (spec.dynamicOptions) expect(field!.typeOptions?.loadOptionsMethod).toBeDefined();
      }
    }
  });

  test('every load-options method exists', () => {
    const all = JSON.stringify(props);
    for (const m of all.matchAll(/"loadOptionsMethod":"([^"]+)"/g)) expect(node.methods.loadOptions[m[1]]).toBeInstanceOf(Function);
  });
});

describe('credential', () => {
  const cred = new WithingsOAuth2Api();

  test('extends n8n OAuth2 with Withings URLs derived from the API URL, body auth and comma scopes', () => {
    expect(cred.extends).toEqual(['oAuth2Api']);
    const get = (name: string) => cred.properties.find((p) => p.name === name)!.default;
    expect(get('authentication')).toBe('body');
    expect(get('scope')).toBe('user.info,user.metrics,user.activity,user.sleepevents');
    expect(get('tokenExpiredStatusCode')).toBe(200);
    const at = (apiUrl: string) => ({
      auth: resolveCredentialExpression('authUrl', { apiUrl }),
      token: resolveCredentialExpression('accessTokenUrl', { apiUrl }),
    });
    expect(at('https://wbsapi.withings.net')).toEqual({
      auth: 'https://account.withings.com/oauth2_user/authorize2',
      token: 'https://wbsapi.withings.net/v2/oauth2?action=requesttoken',
    });
    expect(at('https://wbsapi.us.withingsmed.net/').auth).toBe('https://account.us.withingsmed.com/oauth2_user/authorize2');
    expect(at('http://127.0.0.1:9/')).toEqual({
      auth: 'http://127.0.0.1:9/oauth2_user/authorize2',
      token: 'http://127.0.0.1:9/v2/oauth2?action=requesttoken',
    });
  });

  test('preAuthentication lifts body.* and lets the newest answer win; a failed answer says reconnect', () => {
    const first = { status: 0, body: { access_token: 'a1', refresh_token: 'r1', expires_in: 10800, userid: '42' } };
    const lifted = liftWithingsTokens(first)!;
    expect(lifted).toMatchObject({ access_token: 'a1', refresh_token: 'r1', userid: '42', token_type: 'Bearer' });
    const afterRefresh = liftWithingsTokens({ ...lifted, status: 0, body: { access_token: 'a2', refresh_token: 'r2', expires_in: 10800 } })!;
    expect(afterRefresh).toMatchObject({ access_token: 'a2', refresh_token: 'r2' });
    expect(liftWithingsTokens(afterRefresh)).toEqual(afterRefresh);
    expect(() => liftWithingsTokens({ ...lifted, status: 503, body: {}, error: 'Invalid Params: invalid refresh_token' }))
      .toThrow(/status 503.*Reconnect/);
  });
});

describe('running operations', () => {
  test('Get Measures: one decoded item per measure group, the summary as a hint, Bearer from n8n', async () => {
    const n8n = n8nFor({ resource: 'measure', operation: 'get-measures', maxResults: 5, unitSystem: 'metric', category: 1 });
    const items = await run(n8n);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0].json).toHaveProperty('grpid');
    expect(items[0].json).toHaveProperty('values');
    expect(items[0].json).toHaveProperty('date_iso');
    expect(n8n.hints[0].message).toMatch(/measure/i);
    expect(n8n.requests.every((r) => !r.legacy)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(String((n8n.credential.oauthTokenData.body as IDataObject).access_token));
  });

  test('Get ECG Signal: decoded samples, and the strip chart as PNG and SVG binary data', async () => {
    const list = await run(n8nFor({ resource: 'ecg', operation: 'list-ecg-recordings', maxResults: 1 }));
    const signalid = (list[0].json as { signalid: number }).signalid;
    const items = await run(n8nFor({ resource: 'ecg', operation: 'get-ecg-signal', signalId: signalid }));
    expect(items).toHaveLength(1);
    expect(items[0].json).toMatchObject({ signalid });
    expect(items[0].binary?.png?.mimeType).toBe('image/png');
    expect(Buffer.from(items[0].binary!.png.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(items[0].binary?.svg?.mimeType).toBe('image/svg+xml');
    expect((items[0].json as { chart: { png_path: string } }).chart.png_path).toBe('png');
  });

  test('Get Stethoscope Signal: the WAV as binary data', async () => {
    const list = await run(n8nFor({ resource: 'stethoscope', operation: 'list-stethoscope-recordings', maxResults: 1 }));
    if (!list.length) return;
    const signalid = (list[0].json as { signalid: number }).signalid;
    const items = await run(n8nFor({ resource: 'stethoscope', operation: 'get-stethoscope-signal', signalId: signalid }));
    expect(items[0].binary?.wav?.mimeType).toBe('audio/wav');
    expect(Buffer.from(items[0].binary!.wav.data, 'base64').subarray(0, 4).toString()).toBe('RIFF');
  });

  test('load options list the account\'s recordings', async () => {
    const n8n = n8nFor({});
    const node = new Withings();
    const name = Object.keys(node.methods.loadOptions).find((k) => /EcgSignal_signalId$/.test(k))!;
    const options = await node.methods.loadOptions[name].call(n8n as never);
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]).toHaveProperty('name');
  });

  test('bad input fails before any request, naming the field', async () => {
    const n8n = n8nFor({ resource: 'measure', operation: 'get-measures', maxResults: 5, unitSystem: 'metric', category: 1, [OPTIONS_FIELD]: { startDate: 'not a date' } });
    await expect(run(n8n)).rejects.toThrow(/start/i);
    expect(n8n.requests).toHaveLength(0);
  });

  test('an expired token (HTTP 200, status 401) is refreshed once by n8n; the rotated refresh token is stored', async () => {
    const n8n = n8nFor({ resource: 'user', operation: 'list-devices' });
    const before = (n8n.credential.oauthTokenData.body as IDataObject).refresh_token;
    sim.clock.advance(4 * 3600);
    const items = await run(n8n);
    expect(items.length).toBeGreaterThan(0);
    expect(n8n.refreshes).toBe(1);
    expect(n8n.credential.oauthTokenData.refresh_token).not.toBe(before);
    expect(n8n.requests.filter((r) => r.legacy)).toHaveLength(1);
    // The stored (lifted) token works from then on without another refresh; body.access_token is in step.
    expect((n8n.credential.oauthTokenData.body as IDataObject).access_token).toBe(n8n.credential.oauthTokenData.access_token);
    await run(n8n);
    expect(n8n.refreshes).toBe(1);
    expect(n8n.oauth2Options.every((o) => o?.property === 'body.access_token')).toBe(true);
  });

  test('a revoked grant ends in a Withings error, not a loop', async () => {
    const n8n = n8nFor({ resource: 'user', operation: 'list-devices' });
    (n8n.credential.oauthTokenData.body as IDataObject).refresh_token = 'not-a-refresh-token';
    sim.clock.advance(4 * 3600);
    await expect(run(n8n)).rejects.toThrow(/status 503|Reconnect|refresh/i);
    expect(n8n.refreshes).toBe(1);
  });
});
