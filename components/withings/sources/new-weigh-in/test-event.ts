/** A sample event (`Weight 72.4 kg, fat 18.1 % on 2026-11-20 07:42 Europe/Paris`), shown before the first real event arrives. */
export default {
  "id": "1795156920-a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
  "date": 1795156920,
  "date_iso": "2026-11-20T07:42:00+01:00",
  "timezone": "Europe/Paris",
  "weight_kg": 72.4,
  "fat_free_mass_kg": 59.29,
  "fat_ratio_percent": 18.1,
  "fat_mass_kg": 13.104,
  "muscle_mass_kg": 56.32,
  "hydration_kg": 40.15,
  "bone_mass_kg": 2.96,
  "pulse_wave_velocity_m_per_s": 7.34,
  "vascular_age_years": 38,
  "extracellular_water_kg": null,
  "intracellular_water_kg": null,
  "visceral_fat": null,
  "basal_metabolic_rate_kcal_per_day": null,
  "metabolic_age_years": null,
  "device_model": "Body Cardio",
  "deviceid": "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
  "grpids": [
    6120045101,
    6120045102
  ],
  "trusted": true
};
