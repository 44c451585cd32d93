/**
 * The built package as n8n loads it: the bundle runs against the simulator (ECG PNG from the inlined
 * WebAssembly renderer, retries waiting through the timer shim), requires nothing but n8n-workflow and
 * node:crypto, and its package.json is what n8n expects of a community node package.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { startSimulator } from '../../../simulator/index';
import type { Simulator } from '../../../simulator/types';
import { FakeN8n, storedCredential } from './n8n-context';

const PKG = join(__dirname, '..');
let out: string;
let sim: Simulator;

beforeAll(async () => {
  // Inside the package, so that the bundles resolve n8n-workflow as they do in n8n.
  out = mkdtempSync(join(PKG, '.dist-test-'));
  execFileSync(process.execPath, [join(PKG, 'build.mjs'), '--outdir', out], { stdio: 'pipe' });
  sim = await startSimulator({ seed: 7, rateLimitPerMinute: 0 });
}, 120_000);
afterAll(async () => {
  await sim?.close();
  rmSync(out, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

test('package.json: an n8n community node package with no runtime dependencies, MIT, every built file listed', () => {
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  expect(pkg.name).toMatch(/^n8n-nodes-/);
  expect(pkg.keywords).toContain('n8n-community-node-package');
  expect(pkg.license).toBe('MIT');
  expect(pkg.dependencies ?? {}).toEqual({});
  expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
  expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
  const built = files(out).map((f) => f.slice(out.length + 1));
  for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(built).toContain(f.replace(/^dist\//, ''));
  for (const f of pkg.n8n.nodes) expect(built).toContain(f.replace(/^dist\//, '').replace(/[^/]+$/, 'withings.svg'));
});

test('the bundles import only n8n-workflow and node:crypto', () => {
  for (const f of files(out).filter((n) => n.endsWith('.js'))) {
    const required = [...readFileSync(f, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.filter((r) => r !== 'n8n-workflow' && r !== 'node:crypto' && r !== 'crypto')).toEqual([]);
  }
});

test('the built Withings node reads decoded measures and renders the ECG PNG with the bundled renderer', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Withings } = require(join(out, 'nodes/Withings/Withings.node.js'));
  const ctx = (params: IDataObject) => new FakeN8n(storedCredential(sim.url, sim.client, sim.issueTokens()), params);
  const node = new Withings();
  const measures = (await node.execute.call(ctx({ resource: 'measure', operation: 'get-measures', maxResults: 3, unitSystem: 'metric', category: 1 }) as unknown as IExecuteFunctions))[0];
  expect(measures.length).toBeGreaterThan(0);
  const list = (await node.execute.call(ctx({ resource: 'ecg', operation: 'list-ecg-recordings', maxResults: 1 }) as unknown as IExecuteFunctions))[0];
  const signalId = list[0].json.signalid;
  const ecg = (await node.execute.call(ctx({ resource: 'ecg', operation: 'get-ecg-signal', signalId }) as unknown as IExecuteFunctions))[0];
  expect(ecg[0].json.chart.png_note).toBeUndefined();
  expect(Buffer.from(ecg[0].binary.png.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
}, 60_000);

test('a 601 is retried through the timer shim', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Withings } = require(join(out, 'nodes/Withings/Withings.node.js'));
  const n8n = new FakeN8n(storedCredential(sim.url, sim.client, sim.issueTokens()), { resource: 'user', operation: 'list-devices' });
  sim.faults.failNext(1, 'rate_limit');
  const items = (await new Withings().execute.call(n8n as unknown as IExecuteFunctions))[0];
  expect(items.length).toBeGreaterThan(0);
  expect(n8n.requests.length).toBe(2);
}, 30_000);
