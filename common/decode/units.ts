import type { Quantity } from "../codes/measure-types";

export type UnitSystem = "metric" | "imperial";
export const UNIT_SYSTEMS: readonly UnitSystem[] = ["metric", "imperial"];

/** Withings sends an integer and a base-10 exponent: real value = value × 10^unit. */
export function realValue(value: number, unit: number): number {
  // Dividing by a power of ten keeps 118003, -3 at exactly 118.003 (multiplying by 0.001 does not).
  return unit < 0 ? value / 10 ** -unit : value * 10 ** unit;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Converts a metric real value to the chosen system; unitless and non-convertible values pass through. */
export function convert(value: number, unit: string, quantity: Quantity, system: UnitSystem): { value: number; unit: string } {
  if (system === "metric") return { value, unit };
  switch (quantity) {
    case "mass": return { value: round(value * 2.20462262185, 2), unit: "lb" };
    case "length": return { value: round(value * 39.3700787402, 2), unit: "in" };
    case "temperature": return { value: round((value * 9) / 5 + 32, 2), unit: "°F" };
    default: return { value, unit };
  }
}
