/**
 * Withings measure types (`meastype`, `measures[].type`).
 * This table is the single source for the TypeScript type, the prop options and decoding.
 * https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas
 */

/** Physical quantity, used to pick an imperial conversion. */
export type Quantity = "mass" | "length" | "temperature" | "none";

export interface MeasureTypeInfo {
  readonly code: number;
  /** snake_case field name used in decoded output. */
  readonly key: string;
  readonly name: string;
  /** Unit of the real (decoded) value in Withings' SI output; "" when unitless. */
  readonly unit: string;
  readonly quantity: Quantity;
}

export const MEASURE_TYPES = [
  { code: 1, key: "weight", name: "Weight", unit: "kg", quantity: "mass" },
  { code: 4, key: "height", name: "Height", unit: "m", quantity: "length" },
  { code: 5, key: "fat_free_mass", name: "Fat Free Mass", unit: "kg", quantity: "mass" },
  { code: 6, key: "fat_ratio", name: "Fat Ratio", unit: "%", quantity: "none" },
  { code: 8, key: "fat_mass", name: "Fat Mass", unit: "kg", quantity: "mass" },
  { code: 9, key: "diastolic_bp", name: "Diastolic Blood Pressure", unit: "mmHg", quantity: "none" },
  { code: 10, key: "systolic_bp", name: "Systolic Blood Pressure", unit: "mmHg", quantity: "none" },
  { code: 11, key: "heart_pulse", name: "Heart Pulse", unit: "bpm", quantity: "none" },
  { code: 12, key: "temperature", name: "Temperature", unit: "°C", quantity: "temperature" },
  { code: 54, key: "spo2", name: "SpO2", unit: "%", quantity: "none" },
  { code: 71, key: "body_temperature", name: "Body Temperature", unit: "°C", quantity: "temperature" },
  { code: 73, key: "skin_temperature", name: "Skin Temperature", unit: "°C", quantity: "temperature" },
  { code: 76, key: "muscle_mass", name: "Muscle Mass", unit: "kg", quantity: "mass" },
  { code: 77, key: "hydration", name: "Hydration", unit: "kg", quantity: "mass" },
  { code: 88, key: "bone_mass", name: "Bone Mass", unit: "kg", quantity: "mass" },
  { code: 91, key: "pulse_wave_velocity", name: "Pulse Wave Velocity", unit: "m/s", quantity: "none" },
  { code: 119, key: "glucose", name: "Glucose", unit: "mg/dL", quantity: "none" },
  { code: 123, key: "vo2_max", name: "VO2 Max", unit: "ml/min/kg", quantity: "none" },
  { code: 130, key: "afib_result", name: "Atrial Fibrillation Result", unit: "", quantity: "none" },
  { code: 135, key: "qrs_interval", name: "QRS Interval", unit: "ms", quantity: "none" },
  { code: 136, key: "pr_interval", name: "PR Interval", unit: "ms", quantity: "none" },
  { code: 137, key: "qt_interval", name: "QT Interval", unit: "ms", quantity: "none" },
  { code: 138, key: "corrected_qt_interval", name: "Corrected QT Interval", unit: "ms", quantity: "none" },
  { code: 139, key: "afib_ppg_result", name: "Atrial Fibrillation Result From PPG", unit: "", quantity: "none" },
  { code: 155, key: "vascular_age", name: "Vascular Age", unit: "years", quantity: "none" },
  { code: 158, key: "nerve_health_score_left_foot", name: "Nerve Health Score Left Foot", unit: "", quantity: "none" },
  { code: 159, key: "nerve_health_score_right_foot", name: "Nerve Health Score Right Foot", unit: "", quantity: "none" },
  { code: 167, key: "nerve_health_score_feet", name: "Nerve Health Score Feet", unit: "", quantity: "none" },
  { code: 168, key: "extracellular_water", name: "Extracellular Water", unit: "kg", quantity: "mass" },
  { code: 169, key: "intracellular_water", name: "Intracellular Water", unit: "kg", quantity: "mass" },
  { code: 170, key: "visceral_fat", name: "Visceral Fat", unit: "", quantity: "none" },
  { code: 173, key: "fat_free_mass_segment", name: "Fat Free Mass For Segment", unit: "kg", quantity: "mass" },
  { code: 174, key: "fat_mass_segment", name: "Fat Mass For Segment", unit: "kg", quantity: "mass" },
  { code: 175, key: "muscle_mass_segment", name: "Muscle Mass For Segment", unit: "kg", quantity: "mass" },
  { code: 196, key: "electrodermal_activity_feet", name: "Electrodermal Activity Feet", unit: "µS", quantity: "none" },
  { code: 197, key: "electrodermal_activity_left_foot", name: "Electrodermal Activity Left Foot", unit: "µS", quantity: "none" },
  { code: 198, key: "electrodermal_activity_right_foot", name: "Electrodermal Activity Right Foot", unit: "µS", quantity: "none" },
  { code: 226, key: "basal_metabolic_rate", name: "Basal Metabolic Rate", unit: "kcal/day", quantity: "none" },
  { code: 227, key: "metabolic_age", name: "Metabolic Age", unit: "years", quantity: "none" },
  { code: 229, key: "electrochemical_skin_conductance", name: "Electrochemical Skin Conductance", unit: "µS", quantity: "none" },
] as const satisfies readonly MeasureTypeInfo[];

export type KnownMeasureType = (typeof MEASURE_TYPES)[number];
export type KnownMeasureTypeCode = KnownMeasureType["code"];
export type MeasureTypeKey = KnownMeasureType["key"];

const BY_CODE = new Map<number, MeasureTypeInfo>(MEASURE_TYPES.map((t) => [t.code, t]));

/** Never throws: an unknown code gets a generic entry so new Withings types pass through. */
export function measureTypeInfo(code: number): MeasureTypeInfo {
  return BY_CODE.get(code) ?? {
    code,
    key: `type_${code}`,
    name: `Measure Type ${code}`,
    unit: "",
    quantity: "none",
  };
}

/** Measure types that one notification `appli` / one trigger is about. */
export const WEIGH_IN_TYPES = [1, 5, 6, 8, 76, 77, 88, 91, 155, 168, 169, 170, 226, 227] as const;
export const BLOOD_PRESSURE_TYPES = [9, 10, 11] as const;
