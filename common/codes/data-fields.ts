/**
 * `data_fields` each endpoint accepts. Sending them is what makes Withings return heart rate,
 * sleep score, snoring and the like; without them only a default subset comes back.
 * https://developer.withings.com/api-reference/
 */
export const DATA_FIELDS = {
  getactivity: [
    "steps", "distance", "elevation", "soft", "moderate", "intense", "active", "calories", "totalcalories",
    "hr_average", "hr_min", "hr_max", "hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3",
  ],
  getintradayactivity: [
    "steps", "elevation", "calories", "distance", "stroke", "pool_lap", "duration", "heart_rate", "spo2_auto",
    "rmssd", "sdnn1", "hrv_quality", "core_body_temperature", "rr", "chest_movement_rate",
  ],
  getworkouts: [
    "calories", "intensity", "manual_intensity", "manual_distance", "manual_calories", "hr_average", "hr_min",
    "hr_max", "hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3", "pause_duration", "algo_pause_duration",
    "spo2_average", "core_body_temperature_avg", "core_body_temperature_min", "core_body_temperature_max",
    "core_body_temperature_status", "steps", "distance", "elevation", "pool_laps", "strokes", "pool_length",
  ],
  sleepget: [
    "hr", "rr", "snoring", "sdnn_1", "rmssd", "hrv_quality", "mvt_score", "chest_movement_rate", "withings_index",
    "breathing_sounds",
  ],
  getsummary: [
    "total_timeinbed", "total_sleep_time", "asleepduration", "lightsleepduration", "remsleepduration",
    "deepsleepduration", "sleep_efficiency", "sleep_latency", "wakeup_latency", "wakeupduration", "wakeupcount",
    "waso", "nb_rem_episodes", "breathing_disturbances_intensity", "apnea_hypopnea_index", "withings_index",
    "durationtosleep", "durationtowakeup", "out_of_bed_count", "hr_average", "hr_min", "hr_max", "rr_average",
    "rr_min", "rr_max", "breathing_quality_assessment", "snoring", "snoringepisodecount", "sleep_score",
    "night_events", "mvt_score_avg", "mvt_active_duration", "rmssd_start_avg", "rmssd_end_avg",
    "chest_movement_rate_wellness_average", "chest_movement_rate_wellness_min", "chest_movement_rate_wellness_max",
    "breathing_sounds", "breathing_sounds_episode_count", "chest_movement_rate_average", "chest_movement_rate_min",
    "chest_movement_rate_max", "core_body_temperature_min", "core_body_temperature_max", "core_body_temperature_avg",
    "core_body_temperature_status",
  ],
} as const;

export type DataFieldEndpoint = keyof typeof DATA_FIELDS;

/** What the actions ask for when the user picks nothing: every useful field (deprecated ones left out). */
export const DEFAULT_DATA_FIELDS: Record<DataFieldEndpoint, readonly string[]> = {
  getactivity: DATA_FIELDS.getactivity,
  getintradayactivity: ["steps", "elevation", "calories", "distance", "heart_rate", "spo2_auto"],
  getworkouts: DATA_FIELDS.getworkouts,
  sleepget: ["hr", "rr", "snoring"],
  getsummary: DATA_FIELDS.getsummary.filter((f) => f !== "durationtosleep" && f !== "durationtowakeup"),
};
