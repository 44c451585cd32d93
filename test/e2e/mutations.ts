/** Changes made to the simulator's demo user while sources poll: new records and edits of old ones. */
import { ymdInZone } from "../../common/dates";
import type { Simulator } from "../../simulator/types";

let serial = 0;

/** One new record of each kind (weigh-in, blood pressure, workout, sleep summary, ECG), dated just before now. */
export function addOneOfEach(sim: Simulator, at = sim.clock.now() - 600 - (serial++ % 500) * 7): string[] {
  const user = sim.demoUserId;
  const done: string[] = [];
  done.push(...sim.data.addWeighIn(user, { date: at, weightKg: 70 + (serial % 30) / 10, fatRatio: 18, device: "body_plus" }).map((g) => `grp ${g.grpid}`));
  done.push(`grp ${sim.data.addBloodPressure(user, { date: at + 1, systolic: 118 + (serial % 9), diastolic: 77, pulse: 62 }).grpid}`);
  done.push(`workout ${sim.data.addWorkout(user, { startdate: at - 3600, enddate: at - 600, category: 1 }).id}`);
  done.push(`sleep ${sim.data.addSleepSummary(user, { startdate: at - 8 * 3600, enddate: at - 900 }).id}`);
  done.push(`ecg ${sim.data.addEcg(user, { timestamp: at + 2 }).timestamp}`);
  return done;
}

/**
 * Edits a random existing record of a kind (measure group, workout, sleep summary, activity day), old ones
 * too: an edit of a record emitted more than 100 ids ago is past the platform's dedupe window, so a source
 * that emits it again is caught by the soak.
 */
export function modifySomething(sim: Simulator, rnd: () => number): void {
  const user = sim.demoUserId;
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const g = pick(sim.data.measureGroups(user));
      if (g) sim.data.modifyMeasureGroup(user, g.grpid, { measures: g.measures.map((m) => ({ ...m, value: m.value + 1 })) });
      break;
    }
    case 1: {
      const w = pick(sim.data.workouts(user));
      if (w) sim.data.modifyWorkout(user, w.id, { data: { ...(w.data ?? {}), calories: 100 + Math.floor(rnd() * 500) } } as never);
      break;
    }
    case 2: {
      const s = pick(sim.data.sleepSummaries(user));
      if (s) sim.data.modifySleepSummary(user, s.id, { data: { ...(s.data ?? {}), wakeupcount: Math.floor(rnd() * 5) } } as never);
      break;
    }
    default: {
      const tz = sim.data.timezone(user);
      // Mostly the last few days (late syncs), sometimes a day months ago.
      const back = rnd() < 0.8 ? Math.floor(rnd() * 5) : Math.floor(rnd() * 300);
      const day = ymdInZone(sim.clock.now() - back * 86400, tz);
      try {
        sim.data.modifyActivity(user, day, { steps: 1000 + Math.floor(rnd() * 15000) });
      } catch {
        // No activity row that day: nothing to edit.
      }
    }
  }
}
