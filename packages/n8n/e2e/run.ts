/**
 * The package in a real n8n, end to end, against the Withings simulator:
 *   1. a Manual Trigger → Withings (Get Measures, Get ECG Signal) run gives decoded items and an ECG PNG;
 *   2. an expired token (Withings' HTTP 200 + status 401) is refreshed by n8n and the run succeeds;
 *   3. an active workflow with the Withings Trigger gets exactly one execution for one weigh-in;
 *   4. an active workflow with the Withings Poll Trigger emits a new workout once across polls.
 * n8n is installed (or reused) by install-n8n.sh outside the repository, started headless on SQLite with
 * the built package in N8N_CUSTOM_EXTENSIONS. Workflows report to a loopback sink so executions can be
 * counted. Prints the install and run times.
 *
 *   npx tsx packages/n8n/e2e/run.ts        (or: bash packages/n8n/e2e/run.sh)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index';

const PKG = join(__dirname, '..');
const started = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[n8n-e2e] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failures: string[] = [];
function check(ok: boolean, what: string): void {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function main(): Promise<void> {
  // 1. n8n (installed once, then reused) and the package.
  const t0 = Date.now();
  const install = spawnSync('bash', [join(__dirname, 'install-n8n.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (install.status !== 0) throw new Error('n8n install failed');
  const root = install.stdout.trim().split('\n').pop()!;
  const installMs = Date.now() - t0;
  const nodeBin = readFileSync(join(root, 'node-bin'), 'utf8').trim();
  const n8nBin = join(root, 'app', 'node_modules', 'n8n', 'bin', 'n8n');
  const version = JSON.parse(readFileSync(join(root, 'app', 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
  log(`n8n ${version} ready in ${secs(installMs)} (${root})`);

  const build = spawnSync(process.execPath, [join(PKG, 'build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`package build failed: ${build.stderr}`);
  // Inside n8n's install, so that the bundles' require("n8n-workflow") resolves to n8n's own copy.
  const work = mkdtempSync(join(root, 'app', 'e2e-run-'));
  const custom = join(work, 'custom', 'n8n-nodes-withings-health');
  mkdirSync(custom, { recursive: true });
  cpSync(join(PKG, 'dist'), join(custom, 'dist'), { recursive: true });
  cpSync(join(PKG, 'package.json'), join(custom, 'package.json'));

  // 2. The simulator and a sink the workflows report to.
  const sim = await startSimulator({ seed: 7, allowLoopbackCallbacks: true, rateLimitPerMinute: 0, notifyRetryDelaysMs: [0, 1000, 2000] });
  const hits: Record<string, unknown[]> = { webhook: [], poll: [] };
  const sink = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = String(req.url).split('/').pop()!;
      try {
        (hits[name] ??= []).push(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      } catch {
        (hits[name] ??= []).push(Buffer.concat(chunks).toString());
      }
      res.end('ok');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const port = await freePort();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    N8N_USER_FOLDER: join(work, 'home'),
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_CUSTOM_EXTENSIONS: join(work, 'custom'),
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_ENCRYPTION_KEY: 'withings-n8n-e2e-only-key',
    N8N_SSRF_PROTECTION_ENABLED: 'false',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
    DB_TYPE: 'sqlite',
    GENERIC_TIMEZONE: 'UTC',
    EXECUTIONS_MODE: 'regular',
    NODE_ENV: 'production',
  };
  delete env.NODE_OPTIONS;
  // Asynchronous: the simulator and the sink live in this process and must keep answering.
  const cli = async (args: string[], timeout = 240_000): Promise<string> => {
    const t = Date.now();
    // `execute` prints the run's data through n8n's logger, at level info.
    const childEnv = args[0] === 'execute' ? { ...env, N8N_LOG_LEVEL: 'info' } : env;
    const child = spawn(nodeBin, [n8nBin, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    const status = await new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    clearTimeout(timer);
    log(`n8n ${args.join(' ')} → ${status} in ${secs(Date.now() - t)}`);
    if (status !== 0) throw new Error(`n8n ${args[0]} failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
    return stdout;
  };

  // 3. Credential (as n8n stores it after Withings' code exchange) and workflows.
  const tokens = sim.issueTokens();
  const credential = { id: 'wcredsim00000001', name: 'Withings (simulator)' };
  writeFileSync(join(work, 'credentials.json'), JSON.stringify([{
    ...credential,
    type: 'withingsOAuth2Api',
    data: {
      apiUrl: sim.url,
      clientId: sim.client.clientId,
      clientSecret: sim.client.clientSecret,
      oauthTokenData: { status: 0, body: { ...tokens, scope: 'user.info,user.metrics,user.activity,user.sleepevents', token_type: 'Bearer' } },
    },
  }]));
  const signalId = sim.data.ecgs(sim.demoUserId).find((r) => r.ecg?.signalid)!.ecg!.signalid;
  const creds = { withingsOAuth2Api: credential };
  const node = (name: string, type: string, parameters: object, position: [number, number], extra: object = {}) => ({
    id: `${name.replace(/\W/g, '').toLowerCase()}-${type.length}`, name, type, typeVersion: 1, position, parameters, ...extra,
  });
  const report = (name: string, position: [number, number]) => ({
    id: `report-${name}`, name: 'Report', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position,
    parameters: { method: 'POST', url: `${sinkUrl}/hit/${name}`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
  });
  const flows = [
    {
      id: 'wfmanual00000001', name: 'Withings manual', active: false, settings: {}, connections: {
        'Manual Trigger': { main: [[{ node: 'Get Measures', type: 'main', index: 0 }, { node: 'Get ECG Signal', type: 'main', index: 0 }]] },
      },
      nodes: [
        node('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}, [0, 0]),
        node('Get Measures', 'CUSTOM.withings', { resource: 'measure', operation: 'get-measures', maxResults: 5, category: 1, unitSystem: 'metric' }, [300, -100], { credentials: creds }),
        node('Get ECG Signal', 'CUSTOM.withings', { resource: 'ecg', operation: 'get-ecg-signal', signalId }, [300, 100], { credentials: creds }),
      ],
    },
    {
      id: 'wfrefresh0000001', name: 'Withings refresh', active: false, settings: {}, connections: {
        'Manual Trigger': { main: [[{ node: 'List Devices', type: 'main', index: 0 }]] },
      },
      nodes: [
        node('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}, [0, 0]),
        node('List Devices', 'CUSTOM.withings', { resource: 'user', operation: 'list-devices' }, [300, 0], { credentials: creds }),
      ],
    },
    {
      id: 'wfwebhook0000001', name: 'Withings webhook', active: false, settings: {}, connections: {
        'Withings Trigger': { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
      },
      nodes: [
        node('Withings Trigger', 'CUSTOM.withingsTrigger', { event: 'new-weigh-in-instant', unitSystem: 'metric' }, [0, 0],
          { credentials: creds, webhookId: '6d1c8f1e-2a7b-4c53-9e0f-3b2a1d4c5e6f' }),
        report('webhook', [300, 0]),
      ],
    },
    {
      id: 'wfpoll0000000001', name: 'Withings poll', active: false, settings: {}, connections: {
        'Withings Poll Trigger': { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
      },
      nodes: [
        node('Withings Poll Trigger', 'CUSTOM.withingsPollTrigger', {
          // n8n polls at most once a minute.
          event: 'new-workout', pollTimes: { item: [{ mode: 'everyMinute' }] },
        }, [0, 0], { credentials: creds }),
        report('poll', [300, 0]),
      ],
    },
  ];
  mkdirSync(join(work, 'workflows'));
  for (const f of flows) writeFileSync(join(work, 'workflows', `${f.id}.json`), JSON.stringify(f));

  const tRun = Date.now();
  let n8n: ChildProcess | undefined;
  let passed = false;
  try {
    await cli(['import:credentials', `--input=${join(work, 'credentials.json')}`]);
    await cli(['import:workflow', '--separate', `--input=${join(work, 'workflows')}`]);

    // (1) Manual run: decoded items and an ECG PNG.
    const parse = (out: string) => {
      writeFileSync(join(work, `execute-${Date.now()}.log`), out);
      const start = out.search(/^\{/m);
      const end = out.lastIndexOf('\n}');
      return JSON.parse(out.slice(start, end + 2));
    };
    const manual = parse(await cli(['execute', '--id=wfmanual00000001', '--rawOutput']));
    const runData = manual.data.resultData.runData;
    const measures = runData['Get Measures']?.[0]?.data?.main?.[0] ?? [];
    check(measures.length > 0 && measures.every((i: { json: { grpid?: number; values?: object } }) => i.json.grpid && i.json.values),
      `Get Measures gave ${measures.length} decoded items (one per measure group)`);
    const ecg = runData['Get ECG Signal']?.[0]?.data?.main?.[0]?.[0];
    check(ecg?.json?.signalid === signalId && Array.isArray(ecg?.json?.signal), `Get ECG Signal decoded signal ${signalId}`);
    check(ecg?.binary?.png?.mimeType === 'image/png' && ecg?.binary?.svg?.mimeType === 'image/svg+xml',
      `ECG strip chart as binary data (png: ${ecg?.binary?.png?.mimeType}, ${ecg?.binary?.png?.fileSize ?? '?'})`);

    // (2) Withings says the token expired (HTTP 200, status 401): n8n refreshes, stores, and the run succeeds.
    const refreshesBefore = sim.requests.filter((r) => r.path === '/v2/oauth2' && r.action === 'requesttoken').length;
    sim.faults.failNext(1, 'invalid_token', { path: '/v2/user' });
    const refreshed = parse(await cli(['execute', '--id=wfrefresh0000001', '--rawOutput']));
    const devices = refreshed.data.resultData.runData['List Devices']?.[0]?.data?.main?.[0] ?? [];
    const refreshes = sim.requests.filter((r) => r.path === '/v2/oauth2' && r.action === 'requesttoken').length - refreshesBefore;
    check(devices.length > 0 && refreshes === 1, `expired token refreshed once by n8n (${refreshes} refresh), List Devices gave ${devices.length} items`);
    parse(await cli(['execute', '--id=wfrefresh0000001', '--rawOutput']));
    const after = sim.requests.filter((r) => r.path === '/v2/oauth2' && r.action === 'requesttoken').length - refreshesBefore;
    check(after === 1, 'the rotated tokens were stored: the next run needs no refresh');

    // (3)+(4) Active workflows.
    await cli(['publish:workflow', '--id=wfwebhook0000001']);
    await cli(['publish:workflow', '--id=wfpoll0000000001']);
    const tStart = Date.now();
    n8n = spawn(nodeBin, [n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let n8nLog = '';
    n8n.stdout!.on('data', (d) => { n8nLog += d; });
    n8n.stderr!.on('data', (d) => { n8nLog += d; });
    try {
      await waitFor('n8n to listen', async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok, 120_000);
      log(`n8n started in ${secs(Date.now() - tStart)}`);
      const sub = await waitFor('the Withings Trigger subscription', () =>
        sim.notifications.subscriptions(sim.demoUserId).find((s) => s.appli === 1), 60_000);
      check(sub.callbackurl.startsWith(`http://127.0.0.1:${port}/webhook/`), `Withings Trigger subscribed ${sub.callbackurl}`);
      const head = await fetch(sub.callbackurl, { method: 'HEAD' });
      check(head.status === 200, `HEAD on the webhook URL answers ${head.status}`);
      const workoutPolls = () => sim.requests.filter((r) => r.action === 'getworkouts').length;

      // One weigh-in, notified by Withings to the webhook.
      await sleep(1500);
      const [group] = sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 30, weightKg: 70.2, fatRatio: 19.5, device: 'body_plus' });
      await waitFor('the weigh-in execution', () => hits.webhook.length > 0, 60_000);

      // One workout, once the poll trigger's cursor is in place (the activation poll and the first scheduled one).
      await waitFor('two polls', () => workoutPolls() >= 2, 150_000);
      await sleep(1500);
      const now = sim.clock.now();
      const workout = sim.data.addWorkout(sim.demoUserId, { startdate: now - 3600, enddate: now - 600, category: 1 });
      const pollsBefore = workoutPolls();
      await waitFor('the workout execution', () => hits.poll.length > 0, 150_000);
      const emittedAt = workoutPolls();
      await waitFor('one more poll', () => workoutPolls() > emittedAt, 90_000);
      log(`polls: ${pollsBefore} before the workout, ${workoutPolls() - pollsBefore} after it`);
      await sim.notifications.idle();
      await sleep(1000);
      const delivery = sim.notifications.deliveries.find((d) => d.form.appli === '1');
      check(!!delivery?.ok && delivery.delayMs < 1000, `the notification was acknowledged at once (${Math.round(delivery?.delayMs ?? -1)} ms)`);
      const weighIns = hits.webhook as Array<{ grpids?: number[] }>;
      check(weighIns.length === 1 && !!weighIns[0].grpids?.includes(group.grpid),
        `one weigh-in → ${weighIns.length} Withings Trigger execution item(s)`);
      const workouts = hits.poll as Array<{ id?: number }>;
      check(workouts.filter((w) => w.id === workout.id).length === 1 && workouts.length === 1,
        `one new workout → ${workouts.length} Poll Trigger item(s) across ${workoutPolls()} polls`);
      passed = true;
    } catch (err) {
      log(`n8n output (tail):\n${n8nLog.slice(-6000)}`);
      throw err;
    }
  } finally {
    if (n8n?.pid) {
      n8n.kill('SIGTERM');
      await Promise.race([new Promise((r) => n8n!.once('exit', r)), sleep(15_000)]);
      if (n8n.exitCode === null) n8n.kill('SIGKILL');
    }
    sink.close();
    await sim.close();
    if (passed && !failures.length && !process.env.KEEP_E2E_WORK) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
  log(`n8n install: ${secs(installMs)}; run: ${secs(Date.now() - tRun)}; total: ${secs(Date.now() - started)}`);
  if (failures.length) throw new Error(`${failures.length} check(s) failed: ${failures.join('; ')}`);
  log('all checks passed');
}

main().then(() => process.exit(0), (err) => {
  console.error(`[n8n-e2e] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
