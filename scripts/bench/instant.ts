/**
 * Figures for the instant sources, against the embedded simulator:
 *  - ack: from a notification POST arriving at the source's endpoint to its 200 being written (p50, p99
 *    over 1,000 deliveries), and from a record added in the simulator to its event;
 *  - a burst: many notifications at once and the fetches they cost;
 *  - the capacity model: 1,000 users for a day, polling against instant, for the app's 120 requests a minute.
 *
 *   npx tsx scripts/bench/instant.ts        (prints a table; `benchInstant()` returns the figures)
 */
import { SCOPES } from "../../common/oauth";
import { startSimulator } from "../../simulator/index";
import type { Simulator } from "../../simulator/types";
import app from "../../components/withings/withings.app";
import weighIn from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import { hostInstant } from "../../runner/instant";
import type { Auth, ComponentLike } from "../../runner/platform";
import { simAuth, simulatorLogin } from "../../runner/targets";
import { calibrate } from "./calibrate";
import { capacityModel } from "./capacity-model";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const BURST = 50;
const USERS = 1000;

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setImmediate(r));
  }
  return true;
}

/** 1,000 weigh-ins, one at a time: each is notified, acknowledged, fetched and emitted before the next. */
async function ackAndDelay(sim: Simulator, auth: Auth) {
  const acks: number[] = [];
  const emittedAt = new Map<number, number>();
  const h = await hostInstant(weighIn as unknown as ComponentLike, {
    auth,
    onAck: (ms, method) => {
      if (method === "POST") acks.push(ms);
    },
    onEmit: (e) => {
      if (e.duplicate) return;
      for (const g of (e.event as { grpids?: number[] }).grpids ?? []) emittedAt.set(g, performance.now());
    },
  });
  const delays: number[] = [];
  let lost = 0;
  try {
    await h.host.deploy();
    const user = sim.demoUserId;
    for (let i = 0; i < DELIVERIES; i++) {
      sim.clock.advance(9); // 1,000 × 9 s stays within the access token's 3 h
      const t0 = performance.now();
      const [g] = sim.data.addWeighIn(user, { date: sim.clock.now() - 1, weightKg: 70 + (i % 50) / 10, device: "body_plus" });
      if (await until(() => emittedAt.has(g.grpid), 2000)) delays.push(emittedAt.get(g.grpid)! - t0);
      else if (++lost >= 5) break; // something is wrong: stop rather than wait out every record
    }
    await sim.notifications.idle();
    await h.idle();
    const sequential = acks.splice(0);
    const toTwoXx = sim.notifications.deliveries.filter((d) => d.ok && d.callbackurl === h.url && d.delayMs !== undefined)
      .map((d) => d.delayMs!);

    // A burst: many records at once (a sync of a backlog); the fetches coalesce.
    const before = sim.requests.filter((r) => r.action === "getmeas").length;
    const grpids: number[] = [];
    for (let i = 0; i < BURST; i++) {
      sim.clock.advance(1);
      grpids.push(sim.data.addWeighIn(user, { date: sim.clock.now() - 1, weightKg: 71, device: "body_plus" })[0].grpid);
    }
    await sim.notifications.idle();
    await h.idle();
    const burstFetches = sim.requests.filter((r) => r.action === "getmeas").length - before;
    const burstEvents = grpids.filter((g) => emittedAt.has(g)).length;
    await h.host.deactivate();
    return {
      ack_p50_ms: round(quantile(sequential, 0.5), 3), ack_p99_ms: round(quantile(sequential, 0.99), 3),
      ack_max_ms: round(Math.max(...sequential), 3), posts: sequential.length,
      burst_ack_p99_ms: round(quantile(acks, 0.99), 3),
      record_to_event_p50_ms: round(quantile(delays, 0.5)), record_to_event_p99_ms: round(quantile(delays, 0.99)),
      record_to_2xx_p50_ms: round(quantile(toTwoXx, 0.5)),
      events_lost: lost,
      burst_notifications: BURST, burst_fetches: burstFetches, burst_events: burstEvents,
    };
  } finally {
    await h.close();
  }
}

export async function benchInstant(): Promise<Record<string, unknown>> {
  const sim = await startSimulator({
    seed: 11, frozenClock: true, allowLoopbackCallbacks: true, rateLimitPerMinute: 0, notifyRetryDelaysMs: [0, 100, 500],
  });
  const quiet = console.log;
  console.log = () => undefined;
  try {
    const auth = simAuth(sim, await simulatorLogin(app as unknown as ComponentLike, sim, SCOPES));
    const ack = await ackAndDelay(sim, auth);
    const costs = await calibrate(sim, auth);
    const model = capacityModel({ users: USERS, costs });
    return { ack, costs, capacity: { users: USERS, limit_per_minute: 120, ...model } };
  } finally {
    console.log = quiet;
    await sim.close();
    await sleep(0);
  }
}

function table(rows: Array<[string, unknown, unknown?]>): string {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, a, b]) => `  ${k.padEnd(w)}  ${String(a).padStart(10)}${b === undefined ? "" : String(b).padStart(12)}`).join("\n");
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const r = await benchInstant() as any;
  const { ack, costs, capacity } = r;
  console.log(`Instant sources against the simulator (${DELIVERIES} deliveries to New Weigh-in (Instant))`);
  console.log(table([
    ["ack p50 / p99 / max (ms, POST arrives → 200 written)", `${ack.ack_p50_ms} / ${ack.ack_p99_ms}`, ack.ack_max_ms],
    ["record added → event p50 / p99 (ms)", `${ack.record_to_event_p50_ms} / ${ack.record_to_event_p99_ms}`],
    ["record added → Withings-side 2xx p50 (ms)", ack.record_to_2xx_p50_ms],
    ["events lost", ack.events_lost],
    [`burst of ${ack.burst_notifications} notifications: fetches / events`, `${ack.burst_fetches} / ${ack.burst_events}`],
    ["ack p99 during the burst (ms)", ack.burst_ack_p99_ms],
  ]));
  console.log("\nRequests per call, measured (idle poll, poll with one new record, fetch after a notification)");
  console.log(table(Object.entries(costs).map(([k, c]: [string, any]) => [k, `${c.idlePoll} / ${c.newPoll}`, c.notifyFetch])));
  console.log(`\nCapacity model: ${capacity.users} users, 7 data types each, one simulated day (limit 120 requests/min per app)`);
  const p = capacity.polling;
  const i = capacity.instant;
  console.log(table([
    ["", "polling", "instant"],
    ["requests per day", p.requests, i.requests],
    ["peak requests/min", p.peakPerMinute, i.peakPerMinute],
    ["mean requests/min", p.meanPerMinute, i.meanPerMinute],
    ["minutes over 120/min", p.minutesOver120, i.minutesOver120],
    ["events delivered", p.events, i.events],
    ["median delay record → event (s)", p.medianDelaySeconds, i.medianDelaySeconds],
    ["p95 delay record → event (s)", p.p95DelaySeconds, i.p95DelaySeconds],
  ]));
  console.log(`\n(bench took ${round((performance.now() - t0) / 1000, 1)} s)`);
}

// Standalone run (`tsx scripts/bench/instant.ts`); importing it only defines `benchInstant`.
if (/bench\/instant\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
