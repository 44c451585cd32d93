/**
 * The request budget of one Withings app (120 requests a minute for all users together) over one day,
 * with the seven data types deployed for every user once as polling sources and once as instant sources.
 * Each user's day is drawn from a seeded generator; what one poll or one notification costs in requests
 * is measured against the simulator by the caller and passed in.
 */
import { seededRandom } from "../../simulator/random";

export const DATA_TYPES = ["measurement", "weigh-in", "blood-pressure", "daily-activity", "workout", "sleep-summary", "ecg"] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Requests one call costs, per data type: an idle poll, a poll that finds one new record, a notification's fetch. */
export type Costs = Record<DataType, { idlePoll: number; newPoll: number; notifyFetch: number }>;

export interface ModelOptions {
  users: number;
  costs: Costs;
  pollSeconds?: number;
  /** Interval of each instant source's safety check, and what one check costs (list + an idle fetch). */
  safetySeconds?: number;
  safetyCost?: number;
  /** Seconds from an upload to Withings' notification reaching the source (Withings: "usually under 2 min"). */
  notifyLatency?: (rnd: () => number) => number;
  seed?: number;
}

/** An upload: when it reaches Withings, which appli announces it, and the events it yields per data type. */
interface Upload { at: number; appli: number; events: Partial<Record<DataType, number>> }

const DAY = 86400;
const H = 3600;

/** Which data types' sources subscribe to an appli. */
const BY_APPLI: Record<number, DataType[]> = {
  1: ["measurement", "weigh-in"], 4: ["measurement", "blood-pressure"], 16: ["daily-activity", "workout"],
  44: ["sleep-summary"], 54: ["ecg"],
};

/**
 * One user's day (all users in one time zone: the worst case for peaks): a weigh-in or two in the morning,
 * a blood pressure reading for most, the night's sleep on waking, activity syncs every few hours (the first
 * one after midnight finishes yesterday), the odd workout and the rare ECG.
 */
export function userDay(rnd: () => number): Upload[] {
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const out: Upload[] = [];
  const wake = between(6 * H, 9 * H);
  out.push({ at: wake + between(60, 900), appli: 44, events: { "sleep-summary": 1 } });
  const weighIns = rnd() < 0.1 ? 0 : rnd() < 0.75 ? 1 : 2;
  for (let i = 0; i < weighIns; i++) {
    const at = i === 0 ? wake + between(300, 3600) : between(18 * H, 22 * H);
    out.push({ at, appli: 1, events: { measurement: 1, "weigh-in": 1 } });
  }
  if (rnd() < 0.6) out.push({ at: rnd() < 0.5 ? wake + between(600, 5400) : between(19 * H, 22 * H), appli: 4, events: { measurement: 1, "blood-pressure": 1 } });
  let sync = wake + between(0, 1800);
  let first = true;
  while (sync < 23.5 * H) {
    out.push({ at: sync, appli: 16, events: first ? { "daily-activity": 1 } : {} });
    first = false;
    sync += between(2 * H, 4 * H);
  }
  if (rnd() < 0.25) out.push({ at: between(7 * H, 21 * H), appli: 16, events: { workout: 1 } });
  if (rnd() < 0.02) out.push({ at: between(8 * H, 22 * H), appli: 54, events: { ecg: 1 } });
  return out.filter((u) => u.at < DAY).sort((a, b) => a.at - b.at);
}

export interface ModeFigures {
  requests: number;
  peakPerMinute: number;
  meanPerMinute: number;
  /** Minutes of the day over Withings' 120 requests a minute. */
  minutesOver120: number;
  events: number;
  medianDelaySeconds: number;
  p95DelaySeconds: number;
}

function figures(perMinute: Float64Array, events: number, delays: number[]): ModeFigures {
  const sorted = delays.sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0);
  let total = 0;
  let peak = 0;
  let over = 0;
  for (const n of perMinute) {
    total += n;
    peak = Math.max(peak, n);
    if (n > 120) over++;
  }
  return {
    requests: Math.round(total), peakPerMinute: Math.round(peak), meanPerMinute: Math.round((total / perMinute.length) * 10) / 10,
    minutesOver120: over, events, medianDelaySeconds: Math.round(q(0.5)), p95DelaySeconds: Math.round(q(0.95)),
  };
}

/** Runs the day for both modes. Delays are from a record reaching Withings to its event. */
export function capacityModel(opts: ModelOptions): { polling: ModeFigures; instant: ModeFigures } {
  const rnd = seededRandom(opts.seed ?? 9);
  const poll = opts.pollSeconds ?? 900;
  const safety = opts.safetySeconds ?? DAY;
  const safetyCost = opts.safetyCost ?? 2;
  const latency = opts.notifyLatency ?? ((r: () => number) => 2 + r() * 18);
  const pollMin = new Float64Array(1440);
  const instMin = new Float64Array(1440);
  const pollDelays: number[] = [];
  const instDelays: number[] = [];
  const add = (m: Float64Array, at: number, n: number) => {
    if (at >= 0 && at < DAY) m[Math.floor(at / 60)] += n;
  };

  for (let u = 0; u < opts.users; u++) {
    const uploads = userDay(rnd);
    for (const type of DATA_TYPES) {
      const cost = opts.costs[type];
      const mine = uploads.filter((x) => BY_APPLI[x.appli]?.includes(type));
      // Polling: a timer with a random phase; a poll costs more only when something is new since the last one.
      const phase = rnd() * poll;
      let i = 0;
      for (let t = phase; t < DAY; t += poll) {
        let fresh = false;
        while (i < mine.length && mine[i].at <= t) {
          const n = mine[i].events[type] ?? 0;
          for (let k = 0; k < n; k++) pollDelays.push(t - mine[i].at);
          fresh = true;
          i++;
        }
        add(pollMin, t, fresh ? cost.newPoll : cost.idlePoll);
      }
      // Instant: one fetch per notification, plus the safety check.
      for (const x of mine) {
        const at = x.at + latency(rnd);
        add(instMin, at, cost.notifyFetch);
        const n = x.events[type] ?? 0;
        for (let k = 0; k < n; k++) instDelays.push(at - x.at);
      }
      for (let t = rnd() * safety; t < DAY; t += safety) add(instMin, t, safetyCost);
    }
  }
  // Events are the same records either way; polling catches the last ones of the day at its next tick.
  return { polling: figures(pollMin, pollDelays.length, pollDelays), instant: figures(instMin, instDelays.length, instDelays) };
}
