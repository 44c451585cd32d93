import { MEASURE_TYPES, measureTypeInfo } from "../../common/codes/measure-types";
import { STATUS_FAMILIES, statusFamily } from "../../common/codes/status";
import { workoutCategoryName } from "../../common/codes/workout-categories";
import { deviceModelName } from "../../common/codes/device-models";
import { errorFromStatus, redact, WithingsAuthError, WithingsRateLimitError, WithingsTimeoutError } from "../../common/errors";
import { convert, realValue } from "../../common/decode/units";
import { decodeMeasure } from "../../common/decode/measures";

describe("code tables", () => {
  it("have unique codes and keys", () => {
    expect(new Set(MEASURE_TYPES.map((t) => t.code)).size).toBe(MEASURE_TYPES.length);
    expect(new Set(MEASURE_TYPES.map((t) => t.key)).size).toBe(MEASURE_TYPES.length);
  });

  it("pass unknown codes through with a generic label instead of throwing", () => {
    expect(measureTypeInfo(4242)).toEqual({ code: 4242, key: "type_4242", name: "Measure Type 4242", unit: "", quantity: "none" });
    expect(workoutCategoryName(999)).toBe("Workout Category 999");
    expect(workoutCategoryName(564)).toBe("Bowling");
    expect(deviceModelName(13, "")).toBe("Sleep Analyzer");
    expect(deviceModelName(5000, null)).toBe("Device Model 5000");
    expect(deviceModelName(null, undefined)).toBeNull();
  });

  it("map statuses to the spec's families, with ranges that never overlap", () => {
    const sorted = [...STATUS_FAMILIES].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThan(sorted[i - 1][1]);
    expect([0, 101, 200, 201, 239, 247, 401, 503, 522, 524, 601, 2554, 2555, 3018, 7777].map(statusFamily)).toEqual([
      "success", "auth", "auth", "invalid_params", "unknown", "invalid_params", "auth", "invalid_params", "timeout",
      "bad_state", "rate_limited", "not_implemented", "unauthorized", "invalid_params", "unknown",
    ]);
  });

  it("build retryable errors only for 601 and 522", () => {
    expect(errorFromStatus(601, undefined, "getmeas")).toBeInstanceOf(WithingsRateLimitError);
    expect(errorFromStatus(522, undefined, "getmeas")).toBeInstanceOf(WithingsTimeoutError);
    expect(errorFromStatus(401, undefined, "getmeas")).toBeInstanceOf(WithingsAuthError);
    expect([601, 522, 401, 503, 2554].map((s) => errorFromStatus(s, "", "x").retryable)).toEqual([true, true, false, false, false]);
  });

  it("redacts secrets and bearer tokens", () => {
    expect(redact("bad token abcd1234 and Bearer xyz.987", ["abcd1234"])).toBe("bad token [redacted] and Bearer [redacted]");
  });
});

describe("decoding values", () => {
  it.each([
    [118003, -3, 118.003], [72400, -3, 72.4], [729500, -4, 72.95], [12100, -2, 121], [64, 0, 64], [5, 2, 500], [-125, -1, -12.5],
  ])("value %i with unit %i is %d", (value, unit, real) => {
    expect(realValue(value, unit)).toBe(real);
  });

  it("converts mass, length and temperature to imperial, leaving other quantities alone", () => {
    expect(convert(72.4, "kg", "mass", "imperial")).toEqual({ value: 159.61, unit: "lb" });
    expect(convert(1.735, "m", "length", "imperial")).toEqual({ value: 68.31, unit: "in" });
    expect(convert(36.5, "°C", "temperature", "imperial")).toEqual({ value: 97.7, unit: "°F" });
    expect(convert(121, "mmHg", "none", "imperial")).toEqual({ value: 121, unit: "mmHg" });
    expect(convert(72.4, "kg", "mass", "metric")).toEqual({ value: 72.4, unit: "kg" });
  });

  it("decodes one measure with its name, unit and position", () => {
    expect(decodeMeasure({ value: 2875, type: 173, unit: -3, position: 2 })).toEqual({
      type: 173, key: "fat_free_mass_segment", name: "Fat Free Mass For Segment", value: 2.875, unit: "kg",
      position: 2, position_name: "right_arm", raw_value: 2875, raw_unit: -3,
    });
  });
});
