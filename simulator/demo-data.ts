import { addDays, ymdInZone, zonedEpoch, zoneOffsetSeconds } from "../common/dates";
import type { Measure } from "../common/types";
import { generateIntraday } from "./signals";
import { between, hexId, intBetween, seededRandom } from "./random";
import { DEMO_DEVICES } from "./devices";
import { Store } from "./store";
import { addDemoStethos } from "./demo-stetho";
import type { SimClock, SleepSummaryInput } from "./types";



/**
 * The demo user: a year of data ending at the clock's start, generated from a seed. Quirks on
 * purpose: unknown measure type and workout category codes, null device ids, groups that arrive
 * months late, records modified after creation, an empty device model and an "unknown" battery.
 */

/** A measure type code that is not in Withings' published table (new codes keep appearing). */
export const UNKNOWN_MEASURE_TYPE = 247;
/** A workout category code that is not in Withings' published table. */
export const UNKNOWN_WORKOUT_CATEGORY = 1001;

export function demoUserId(seed: number): string {
  return String(30_000_000 + (Math.abs(Math.trunc(seed)) % 9_000_000) * 7);
}

export function generateDemoUser(store: Store, clock: SimClock, userid: string, seed: number): void {
  const r = seededRandom(seed);
  const now = clock.now();
  store.ensureUser(userid);
  const tz = store.timezone(userid);
  const today = ymdInZone(now, tz);
  const at = (ymd: string, seconds: number) => zonedEpoch(ymd, Math.round(seconds), tz);
  const dev = (modelId: number) => hexId("device", userid, modelId);
  const firstDay = addDays(today, -365);
  const stamp = (date: number, lo: number, hi: number) => Math.min(now, date + intBetween(r, lo, hi));

  // Height entered at account creation (attrib 4: may be inaccurate).
  const created0 = at(firstDay, 9 * 3600);
  store.addMeasureGroup(userid, { date: created0, attrib: 4, measures: [{ value: 178, type: 4, unit: -2 }] },
    { created: created0, modified: created0 });

  let groupCount = 0;
  for (let d = 365; d >= 0; d -= 1) {
    const ymd = addDays(today, -d);
    const progress = (365 - d) / 365;

    // Weigh-ins: Body+ for the first months, then a Body Cardio (two groups per weigh-in).
    if (r() < 0.75) {
      const date = at(ymd, 7 * 3600 + between(r, 0, 2400));
      const weight = 84 - 5 * progress + between(r, -0.6, 0.6);
      const fat = 24 - 3 * progress + between(r, -0.8, 0.8);
      const created = stamp(date, 20, 600);
      if (date < now) {
        groupCount += 1;
        const manual = groupCount % 23 === 0;
        const cardio = !manual && d < 200;
        const weightMeasure: Measure = groupCount % 5 === 0
          ? { value: Math.round(weight * 100), type: 1, unit: -2 }
          : { value: Math.round(weight * 1000), type: 1, unit: -3 };
        const modified = groupCount % 40 === 0 ? Math.min(now, created + 5 * 86_400) : created;
        if (manual) {
          store.addMeasureGroup(userid, { date, attrib: 2, measures: [weightMeasure] }, { created, modified });
        } else {
          const model = cardio ? DEMO_DEVICES.bodyCardio : DEMO_DEVICES.bodyPlus;
          const base = { date, deviceid: dev(model.model_id), model: model.model, modelid: model.model_id };
          const fatKg = (weight * fat) / 100;
          const measures: Measure[] = [
            weightMeasure,
            { value: Math.round(fat * 1000), type: 6, unit: -3 },
            { value: Math.round(fatKg * 1000), type: 8, unit: -3 },
            { value: Math.round((weight - fatKg) * 1000), type: 5, unit: -3 },
            { value: Math.round(weight * 0.42 * 100), type: 76, unit: -2 },
            { value: Math.round(weight * 0.55 * 100), type: 77, unit: -2 },
            { value: Math.round(weight * 0.04 * 100), type: 88, unit: -2 },
          ];
          if (cardio) {
            measures.push({ value: intBetween(r, 55, 72), type: 11, unit: 0 },
              { value: intBetween(r, 60, 80), type: 170, unit: -1 },
              { value: intBetween(r, 1700, 1800), type: 226, unit: 0 });
            if (groupCount % 10 === 0) measures.push({ value: intBetween(r, 10, 30), type: UNKNOWN_MEASURE_TYPE, unit: 0 });
          }
          store.addMeasureGroup(userid, { ...base, attrib: 0, measures }, { created, modified });
          if (cardio) {
            store.addMeasureGroup(userid, {
              ...base, attrib: 8, measures: [
                { value: Math.round(between(r, 6.8, 7.8) * 1000), type: 91, unit: -3 },
                { value: intBetween(r, 38, 44) * 10, type: 155, unit: -1 },
              ],
            }, { created, modified });
          }
        }
      }
    }

    // Blood pressure every third morning: one group with diastolic, systolic and pulse.
    if (d % 3 === 0) {
      const date = at(ymd, 8 * 3600 + between(r, 0, 1800));
      const sys = intBetween(r, 112, 138);
      if (date < now) {
        const created = stamp(date, 10, 120);
        store.addMeasureGroup(userid, {
          date, attrib: 0, deviceid: dev(45), model: DEMO_DEVICES.bpm.model, modelid: 45,
          measures: [{ value: sys - intBetween(r, 35, 50), type: 9, unit: 0 }, { value: sys, type: 10, unit: 0 },
            { value: intBetween(r, 58, 80), type: 11, unit: 0 }],
        }, { created, modified: created });
      }
    }

    // Daily activity: the watch every day, the phone tracker most days (no device id).
    const dayEnd = at(addDays(ymd, 1), 0);
    const activityModified = Math.min(now - 60, dayEnd + 3600);
    const steps = intBetween(r, 3000, 14_000);
    const moderate = intBetween(r, 600, 3600);
    const intense = intBetween(r, 0, 1800);
    store.addActivity(userid, {
      date: ymd, source: "watch", steps, distance: Math.round(steps * 0.76 * 100) / 100, elevation: intBetween(r, 0, 20),
      soft: intBetween(r, 1800, 7200), moderate, intense, active: moderate + intense,
      calories: Math.round(steps * 0.045 * 1000) / 1000, totalcalories: Math.round((1750 + steps * 0.045) * 1000) / 1000,
      hr_average: intBetween(r, 66, 78), hr_min: intBetween(r, 48, 56), hr_max: intBetween(r, 120, 165),
      hr_zone_0: intBetween(r, 30_000, 50_000), hr_zone_1: intBetween(r, 2000, 6000), hr_zone_2: intBetween(r, 300, 2000),
      hr_zone_3: intBetween(r, 0, 600),
    }, activityModified);
    if (r() < 0.7) {
      const phoneSteps = Math.round(steps * between(r, 0.7, 1.05));
      const pm = intBetween(r, 300, 2400);
      store.addActivity(userid, {
        date: ymd, source: "phone", steps: phoneSteps, distance: Math.round(phoneSteps * 0.8 * 100) / 100, elevation: 0,
        soft: intBetween(r, 1200, 5000), moderate: pm, intense: 0, active: pm,
        calories: Math.round(phoneSteps * 0.04 * 1000) / 1000, totalcalories: Math.round((1750 + phoneSteps * 0.04) * 1000) / 1000,
      }, activityModified);
    }

    // Workouts on some evenings, from the watch or the phone; now and then an unknown category.
    if (r() < 0.4) {
      const start = at(ymd, 18 * 3600 + between(r, 0, 7200));
      const end = start + intBetween(r, 20, 90) * 60;
      if (end + 900 < now) {
        const cats = [1, 2, 6, 28, 16, 187];
        const category = r() < 0.06 ? UNKNOWN_WORKOUT_CATEGORY : cats[intBetween(r, 0, cats.length - 1)];
        const fromPhone = r() < 0.3;
        const hr = intBetween(r, 105, 150);
        store.addWorkout(userid, {
          category, startdate: start, enddate: end, date: ymd, attrib: 0,
          model: fromPhone ? 1055 : 93, deviceid: fromPhone ? null : dev(93),
          data: {
            calories: intBetween(r, 80, 700), intensity: 50, manual_intensity: 0, manual_distance: 0, manual_calories: 0,
            hr_average: fromPhone ? 0 : hr, hr_min: fromPhone ? 0 : hr - 30, hr_max: fromPhone ? 0 : hr + 25,
            hr_zone_0: intBetween(r, 0, 600), hr_zone_1: intBetween(r, 300, 1800), hr_zone_2: intBetween(r, 300, 1800),
            hr_zone_3: intBetween(r, 0, 600), pause_duration: intBetween(r, 0, 300), algo_pause_duration: null,
            spo2_average: null, steps: intBetween(r, 0, 9000), distance: intBetween(r, 0, 15_000),
            elevation: intBetween(r, 0, 200), pool_laps: 0, strokes: 0, pool_length: 0,
          },
        }, end + 900);
      }
    }

    // Sleep: the night that ends on this day (the summary's date is the wake-up day).
    if (d < 365) {
      const start = at(addDays(ymd, -1), 22.5 * 3600 + between(r, 0, 4500));
      const end = at(ymd, 6.5 * 3600 + between(r, 0, 4500));
      const created = end + 1800;
      if (created < now) addDemoNight(store, r, userid, start, end, created, Math.min(now, d % 30 === 0 ? created + 2 * 86_400 : created));
    }

    // ECG every two weeks from the watch, every two months from a BPM Core (with blood pressure).
    if (d % 14 === 7) {
      const ts = at(ymd, 12 * 3600 + between(r, 0, 3600));
      const afib = d === 21 ? 1 : d === 63 ? 2 : 0;
      if (ts + 60 < now) store.addEcg(userid, { timestamp: ts, model: 93, deviceid: dev(93), afib, heart_rate: intBetween(r, 60, 85) }, ts + 60);
    }
    if (d % 60 === 30) {
      const ts = at(ymd, 9 * 3600);
      store.addEcg(userid, {
        timestamp: ts, model: 44, deviceid: dev(44), afib: 0, heart_rate: intBetween(r, 60, 80),
        bloodpressure: { diastole: intBetween(r, 70, 85), systole: intBetween(r, 115, 135) },
      }, ts + 60);
    }
  }

  // Heart sounds from the BPM Core (own random stream, so the records above stay as they were).
  addDemoStethos(store, seededRandom(seed + 12), userid, today, at, dev(44), now);

  // Late arrivals: old weigh-ins from the Body+ that reached the cloud only in the last days.
  for (const [daysAgo, syncedAgo] of [[120, 3], [150, 2], [200, 1]]) {
    const date = at(addDays(today, -daysAgo), 19 * 3600);
    const created = now - syncedAgo * 86_400 + intBetween(r, 0, 3600);
    store.addMeasureGroup(userid, {
      date, attrib: 0, deviceid: dev(5), model: "Body+", modelid: 5,
      measures: [{ value: Math.round(between(r, 80, 83) * 1000), type: 1, unit: -3 }],
    }, { created, modified: created });
  }

  const yearStart = at(firstDay, 0);
  for (const [key, d] of Object.entries(DEMO_DEVICES)) {
    store.addDevice(userid, {
      type: d.type, model: d.model, model_id: d.model_id, battery: d.battery, deviceid: dev(d.model_id),
      hash_deviceid: dev(d.model_id), timezone: tz,
      first_session_date: key === "bpmCore" ? null : yearStart, last_session_date: key === "bodyPlus" ? yearStart + 165 * 86_400 : now - 3600,
    });
  }
  store.setGoals(userid, { steps: 10_000, sleep: 28_800, weight: { value: 78_000, unit: -3 } });

  store.user(userid).intradayGenerator = (start, end) =>
    generateIntraday(seed, dev(93), Math.max(start, yearStart), Math.min(end, clock.now()),
      (epoch) => (((epoch + zoneOffsetSeconds(epoch, tz)) % 86_400) + 86_400) % 86_400);
}

function addDemoNight(store: Store, r: () => number, userid: string, start: number, end: number, created: number, modified: number): void {
  store.addSleepSummary(userid, nightOfSleep(r, start, end), { created, modified });
}

/** A realistic night in bed from `start` to `end`: every sleep summary field, as a sleep monitor reports them. */
export function realisticNight(seed: number, start: number, end: number): SleepSummaryInput {
  return nightOfSleep(seededRandom(seed), start, end);
}

function nightOfSleep(r: () => number, start: number, end: number): SleepSummaryInput {
  const inBed = end - start;
  const latency = intBetween(r, 300, 1500);
  const wakeLatency = intBetween(r, 120, 1200);
  const waso = intBetween(r, 300, 2400);
  const asleep = inBed - latency - wakeLatency - waso;
  const deep = Math.round(asleep * between(r, 0.15, 0.25));
  const rem = Math.round(asleep * between(r, 0.18, 0.25));
  const hrAvg = intBetween(r, 52, 62);
  return {
    startdate: start, enddate: end,
    data: {
      total_timeinbed: inBed, total_sleep_time: asleep, asleepduration: asleep, lightsleepduration: asleep - deep - rem,
      remsleepduration: rem, deepsleepduration: deep, sleep_efficiency: Math.round((asleep / inBed) * 100) / 100,
      sleep_latency: latency, wakeup_latency: wakeLatency, wakeupduration: waso + wakeLatency, wakeupcount: intBetween(r, 0, 4),
      waso, nb_rem_episodes: intBetween(r, 2, 5), breathing_disturbances_intensity: intBetween(r, 0, 15),
      apnea_hypopnea_index: intBetween(r, 0, 8), withings_index: intBetween(r, 0, 10), durationtosleep: latency,
      durationtowakeup: wakeLatency, out_of_bed_count: intBetween(r, 0, 2), hr_average: hrAvg, hr_min: hrAvg - 8,
      hr_max: hrAvg + 20, rr_average: intBetween(r, 12, 16), rr_min: 9, rr_max: 20, breathing_quality_assessment: intBetween(r, 0, 2),
      snoring: intBetween(r, 0, 1800), snoringepisodecount: intBetween(r, 0, 20), sleep_score: intBetween(r, 55, 92),
      night_events: { 1: [0], 2: [latency], 3: [inBed - wakeLatency], 4: [inBed] },
      mvt_score_avg: intBetween(r, 0, 30), mvt_active_duration: intBetween(r, 0, 900), rmssd_start_avg: intBetween(r, 30, 60),
      rmssd_end_avg: intBetween(r, 30, 60), chest_movement_rate_wellness_average: 14, chest_movement_rate_wellness_min: 10,
      chest_movement_rate_wellness_max: 19, breathing_sounds: intBetween(r, 0, 600), breathing_sounds_episode_count: intBetween(r, 0, 8),
      chest_movement_rate_average: 14, chest_movement_rate_min: 10, chest_movement_rate_max: 19,
      // No core_body_temperature_*: the Sleep Analyzer does not measure it, and Withings then leaves the fields out.
    },
  };
}
