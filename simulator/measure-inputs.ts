import type { MeasureGroup } from "../common/types";
import { DEMO_DEVICES } from "./devices";
import { hexId } from "./random";
import type { BloodPressureInput, MeasureGroupInput, WeighInInput } from "./types";

/** The measure groups a device stores for one weigh-in or blood pressure reading, and their notification category. */

/** Appli of a measure group: 4 blood pressure, 2 temperature, 1 weight/body composition. */
export function appliForGroup(g: MeasureGroup): number {
  const types = new Set(g.measures.map((m) => m.type));
  if (types.has(9) || types.has(10) || types.has(54)) return 4;
  if ([...types].every((t) => t === 12 || t === 71 || t === 73)) return 2;
  return 1;
}

/** A weigh-in: one group (weight, fat) on a Body+, two on a Body Cardio (composition, then pulse wave velocity). */
export function weighInGroups(userid: string, w: WeighInInput, now: number): MeasureGroupInput[] {
  const date = w.date ?? now;
  const device = w.device ?? "body_cardio";
  const weight = { value: Math.round(w.weightKg * 1000), type: 1, unit: -3 };
  if (device === "manual") return [{ date, attrib: 2, measures: [weight] }];
  const isCardio = device === "body_cardio";
  const dev = isCardio ? DEMO_DEVICES.bodyCardio : DEMO_DEVICES.bodyPlus;
  const common = { date, deviceid: hexId("device", userid, dev.model_id), model: dev.model, modelid: dev.model_id };
  const measures = [weight];
  if (w.fatRatio !== undefined) {
    const fatKg = (w.weightKg * w.fatRatio) / 100;
    measures.push({ value: Math.round(w.fatRatio * 1000), type: 6, unit: -3 },
      { value: Math.round(fatKg * 1000), type: 8, unit: -3 },
      { value: Math.round((w.weightKg - fatKg) * 1000), type: 5, unit: -3 });
  }
  const groups: MeasureGroupInput[] = [{ ...common, attrib: 0, measures }];
  if (isCardio) {
    groups.push({
      ...common, attrib: 8, measures: [
        { value: Math.round((w.pwv ?? 7.2) * 1000), type: 91, unit: -3 },
        { value: Math.round((w.vascularAge ?? 41) * 10), type: 155, unit: -1 },
      ],
    });
  }
  return groups;
}

/** A BPM Connect reading: diastolic, systolic and pulse in one group. */
export function bloodPressureGroup(userid: string, bp: BloodPressureInput): MeasureGroupInput {
  const dev = DEMO_DEVICES.bpm;
  return {
    date: bp.date, attrib: 0, deviceid: hexId("device", userid, dev.model_id), model: dev.model, modelid: dev.model_id,
    measures: [{ value: bp.diastolic, type: 9, unit: 0 }, { value: bp.systolic, type: 10, unit: 0 }, { value: bp.pulse, type: 11, unit: 0 }],
  };
}
