/**
 * Device models (`modelid` on measure groups and activities, `model_id` on devices and sleep,
 * `model` on workouts and ECG). https://developer.withings.com/api-reference/#tag/models
 */
export const DEVICE_MODELS: Readonly<Record<number, string>> = {
  1: "Withings WBS01", 2: "WS30", 3: "Kid Scale", 4: "Smart Body Analyzer", 5: "Body+", 6: "Body Cardio",
  7: "Body", 9: "Body Pro", 10: "Body Scan", 11: "WBS10", 12: "WBS11", 13: "Sleep Analyzer", 14: "Body Scale",
  15: "Body Comp 2", 16: "Body Smart", 17: "Body Comp Pro", 18: "Body Comp", 21: "Smart Baby Monitor",
  22: "Withings Home", 41: "BPM V1", 42: "BPM V2", 43: "BPM V3", 44: "BPM Core", 45: "BPM Connect",
  46: "BPM Connect Pro", 47: "BPM Pro 2", 48: "BPM Vision", 51: "Pulse", 52: "Activite",
  53: "Activite (Pop, Steel)", 54: "Withings Go", 55: "Activite Steel HR", 58: "Pulse HR",
  59: "Activite Steel HR Sport Edition", 60: "Aura Dock", 61: "Aura Sensor", 63: "Aura Sensor V2", 70: "Thermo",
  71: "BeamO", 90: "Move", 91: "Move ECG", 92: "Move ECG", 93: "ScanWatch", 94: "ScanWatch 2",
  95: "ScanWatch Light", 100: "WUP01", 1051: "iOS Step Tracker", 1052: "iOS Step Tracker",
  1053: "Android Step Tracker", 1054: "Android Step Tracker", 1055: "GoogleFit Tracker",
  1056: "Samsung Health Tracker", 1057: "HealthKit Step iPhone Tracker", 1058: "HealthKit Step Apple Watch Tracker",
  1059: "HealthKit Other Step Tracker", 1060: "Google Health Connect", 1061: "iGlucose Glucometer",
  1062: "Huawei Tracker", 1063: "Lingo Sensor",
};

/** Prefers the model name Withings sent (may be "" or null), then the table, then a generic label. */
export function deviceModelName(modelId: number | null | undefined, sent?: string | null): string | null {
  if (typeof sent === "string" && sent.trim() !== "") return sent;
  if (modelId === null || modelId === undefined) return null;
  return DEVICE_MODELS[modelId] ?? `Device Model ${modelId}`;
}
