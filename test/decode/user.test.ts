import { decodeDevice, decodeGoals, describeGoals } from "../../common/decode/user";
import { loadFixture } from "../helpers/fixtures";

describe("decodeDevice", () => {
  it("keeps the fields, names empty models from model_id and adds ISO session dates", () => {
    const [scale, , sleep] = loadFixture("userv2-getdevice").body.devices;
    expect(decodeDevice(scale)).toEqual({
      type: "Scale", model: "Body Scan", model_id: 10, battery: "high",
      deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5", hash_deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
      timezone: "Europe/Paris", first_session_date: 1740906000, first_session_date_iso: "2025-03-02T10:00:00+01:00",
      last_session_date: 1795156920, last_session_date_iso: "2026-11-20T07:42:00+01:00",
    });
    expect(decodeDevice(sleep)).toMatchObject({ model: "Sleep Analyzer", last_session_date: null, last_session_date_iso: null });
  });

  it("never throws on unknown models, missing zones and null ids", () => {
    const [bpm, kit] = loadFixture("userv2-getdevice-unknown-nulls").body.devices;
    expect(decodeDevice(bpm)).toMatchObject({
      model: "Device Model 4242", battery: "unknown", timezone: null, hash_deviceid: null,
      first_session_date: null, first_session_date_iso: null,
    });
    expect(decodeDevice(kit)).toMatchObject({
      model: null, model_id: null, battery: null, deviceid: null, first_session_date_iso: "2026-11-06T13:20:00-08:00",
    });
  });
});

describe("decodeGoals", () => {
  it("decodes steps, sleep and the weight's real value", () => {
    const g = decodeGoals(loadFixture("userv2-getgoals").body.goals);
    expect(g).toEqual({ steps: 10000, sleep_seconds: 28800, weight: 70.5, weight_unit: "kg" });
    expect(describeGoals(g)).toBe("Goals: 10000 steps, 8 h sleep, weight 70.5 kg");
  });

  it("converts the weight to pounds for imperial", () => {
    expect(decodeGoals(loadFixture("userv2-getgoals").body.goals, "imperial")).toMatchObject({ weight: 155.43, weight_unit: "lb" });
  });

  it("reads goals: [] as no goals", () => {
    const g = decodeGoals([]);
    expect(g).toEqual({ steps: null, sleep_seconds: null, weight: null, weight_unit: null });
    expect(describeGoals(g)).toBe("No goals set");
  });

  it("leaves unset goals null", () => {
    const g = decodeGoals(loadFixture("userv2-getgoals-partial").body.goals);
    expect(g).toEqual({ steps: 7500, sleep_seconds: 27000, weight: null, weight_unit: null });
    expect(describeGoals(g)).toBe("Goals: 7500 steps, 7.5 h sleep");
  });
});
