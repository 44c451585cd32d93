import { decodeWorkout, decodeWorkoutData } from "../../common/decode/workouts";
import { loadFixture } from "../helpers/fixtures";

describe("decodeWorkout", () => {
  const [run, walk] = loadFixture("measurev2-getworkouts").body.series;

  it("names the category and model and gives times in the workout's zone", () => {
    expect(decodeWorkout(run)).toEqual({
      id: 4187230551, category: 2, category_name: "Run", startdate: 1795023731, enddate: 1795026431,
      start_iso: "2026-11-18T18:42:11+01:00", end_iso: "2026-11-18T19:27:11+01:00", duration_seconds: 2700,
      date: "2026-11-18", timezone: "Europe/Paris", model: "ScanWatch 2", model_id: 94,
      deviceid: "5e2b7c41d09a8f36b1e4c7a2905d3f68b4a1c0e9", attrib: 0, modified: 1795027190,
      data: {
        calories: 486, intensity: 50, manual_distance: 0, manual_calories: 0, hr_average: 151, hr_min: 96, hr_max: 178,
        hr_zone_0: 0, hr_zone_1: 240, hr_zone_2: 1380, hr_zone_3: 1080, pause_duration: 0, algo_pause_duration: 35,
        spo2_average: null, steps: 7410, distance: 8125.4, elevation: 42,
      },
    });
  });

  it("turns heart-rate zeros into null when no heart rate was recorded, keeping other zeros", () => {
    const out = decodeWorkout(walk);
    expect(out.data).toMatchObject({
      hr_average: null, hr_min: null, hr_max: null, hr_zone_0: null, hr_zone_3: null, spo2_average: null,
      manual_distance: 0, pause_duration: 0, steps: 3904,
    });
    expect(out.model).toBe("HealthKit Step iPhone Tracker");
  });

  it("keeps a 0 s heart-rate zone when heart rate was recorded", () => {
    expect(decodeWorkoutData({ hr_average: 120, hr_zone_0: 0 })).toEqual({ hr_average: 120, hr_zone_0: 0 });
  });

  it("never throws on unknown categories, null models or missing data and zone", () => {
    const [odd, nordic] = loadFixture("measurev2-getworkouts-unknown-nulls").body.series;
    expect(decodeWorkout(odd, "Europe/London")).toMatchObject({
      category_name: "Workout Category 9001", model: null, model_id: null, deviceid: null, attrib: 2, data: {},
      timezone: "Europe/London", start_iso: "2026-11-20T07:02:00+00:00",
    });
    expect(decodeWorkout(odd).timezone).toBe("UTC");
    expect(decodeWorkout(nordic)).toMatchObject({
      category_name: "Nordic Walking", model: "Device Model 777", start_iso: "2026-11-19T01:12:30-05:00",
    });
    expect(decodeWorkout({ ...odd, model: "1055" }).model).toBe("GoogleFit Tracker");
    expect(decodeWorkout({ ...odd, model: "Move" }).model).toBe("Move");
  });
});
