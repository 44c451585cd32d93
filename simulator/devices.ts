/** The demo user's devices (model ids and names as Withings reports them). */
export const DEMO_DEVICES = {
  bodyCardio: { type: "Scale", model: "Body Cardio", model_id: 6, battery: "high" },
  bodyPlus: { type: "Scale", model: "Body+", model_id: 5, battery: "medium" },
  bpm: { type: "Blood Pressure Monitor", model: "BPM Connect", model_id: 45, battery: "low" },
  bpmCore: { type: "Blood Pressure Monitor", model: "BPM Core", model_id: 44, battery: "high" },
  watch: { type: "Activity Tracker", model: "ScanWatch", model_id: 93, battery: "high" },
  // The Sleep Analyzer reports an empty model name and an unknown battery level.
  sleep: { type: "Sleep Monitor", model: "", model_id: 63, battery: "unknown" },
} as const;
