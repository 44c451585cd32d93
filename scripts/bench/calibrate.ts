import type { Simulator } from "../../simulator/types";
import { SourceHost, type Auth, type ComponentLike } from "../../runner/platform";
import { hostInstant } from "../../runner/instant";
import { ymdInZone } from "../../common/dates";
import type { Costs, DataType } from "./capacity-model";

/** Requests per call of each polling source and its instant twin, measured against the simulator. */

const load = async (slug: string): Promise<ComponentLike> =>
  (await import(`../../components/withings/sources/${slug}/${slug}`)).default as ComponentLike;

const SLUGS: Record<DataType, string> = {
  measurement: "new-measurement", "weigh-in": "new-weigh-in", "blood-pressure": "new-blood-pressure-reading",
  "daily-activity": "new-daily-activity", workout: "new-workout", "sleep-summary": "new-sleep-summary", ecg: "new-ecg-recording",
};

/** One new record that the data type's sources will see. */
function addRecord(sim: Simulator, type: DataType): void {
  const user = sim.demoUserId;
  const at = sim.clock.now() - 30;
  switch (type) {
    case "measurement":
    case "weigh-in": sim.data.addWeighIn(user, { date: at, weightKg: 70.4, device: "body_plus" }); break;
    case "blood-pressure": sim.data.addBloodPressure(user, { date: at, systolic: 120, diastolic: 80, pulse: 61 }); break;
    case "daily-activity": {
      const day = ymdInZone(at, sim.data.timezone(user));
      try {
        sim.data.modifyActivity(user, day, { steps: 4321 });
      } catch {
        sim.data.addActivity(user, { date: day, steps: 4321 });
      }
      break;
    }
    case "workout": sim.data.addWorkout(user, { startdate: at - 1800, enddate: at, category: 1 }); break;
    case "sleep-summary": sim.data.addSleepSummary(user, { startdate: at - 8 * 3600, enddate: at }); break;
    case "ecg": sim.data.addEcg(user, { timestamp: at }); break;
  }
}

const dataRequests = (sim: Simulator) => sim.requests.filter((r) => r.path !== "/notify" && r.path !== "/v2/oauth2").length;

export async function calibrate(sim: Simulator, auth: Auth): Promise<Costs> {
  const out = {} as Costs;
  for (const [type, slug] of Object.entries(SLUGS) as Array<[DataType, string]>) {
    // Each type moves the simulated clock ~30 min: a fresh access token keeps clear of its 3 h life.
    auth = { ...auth, oauth_access_token: sim.issueTokens({ userid: sim.demoUserId }).access_token };
    const polling = new SourceHost(await load(slug), { auth });
    await polling.deploy();
    sim.clock.advance(900);
    let before = dataRequests(sim);
    await polling.run();
    const idlePoll = dataRequests(sim) - before;
    addRecord(sim, type);
    sim.clock.advance(900);
    before = dataRequests(sim);
    await polling.run();
    const newPoll = dataRequests(sim) - before;

    const instant = await hostInstant(await load(`${slug}-instant`), { auth });
    try {
      await instant.host.deploy();
      sim.clock.advance(60);
      before = dataRequests(sim);
      addRecord(sim, type);
      await sim.notifications.idle();
      await instant.idle();
      const notifyFetch = dataRequests(sim) - before;
      await instant.host.deactivate();
      out[type] = { idlePoll, newPoll, notifyFetch };
    } finally {
      await instant.close();
    }
  }
  return out;
}
