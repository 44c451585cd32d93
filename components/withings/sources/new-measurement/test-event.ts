/** A sample event (`Weight 72.4 kg, fat ratio 18.1 %, fat mass 13.104 kg and 7 more on 2026-11-20 07:42 Europe/Paris`), shown before the first real event arrives. */
export default {
  "id": "1795156920-a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
  "date": 1795156920,
  "date_iso": "2026-11-20T07:42:00+01:00",
  "timezone": "Europe/Paris",
  "deviceid": "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
  "modelid": 6,
  "model": "Body Cardio",
  "grpids": [
    6120045101,
    6120045102,
    6120045103
  ],
  "attribs": [
    0,
    8
  ],
  "trusted": true,
  "category": 1,
  "created": 1795156951,
  "modified": 1795156951,
  "values": {
    "weight": 72.4,
    "fat_ratio": 18.1,
    "fat_mass": 13.104,
    "muscle_mass": 56.32,
    "hydration": 40.15,
    "bone_mass": 2.96,
    "fat_free_mass": 59.29,
    "pulse_wave_velocity": 7.34,
    "vascular_age": 38,
    "heart_pulse": 61
  },
  "units": {
    "weight": "kg",
    "fat_ratio": "%",
    "fat_mass": "kg",
    "muscle_mass": "kg",
    "hydration": "kg",
    "bone_mass": "kg",
    "fat_free_mass": "kg",
    "pulse_wave_velocity": "m/s",
    "vascular_age": "years",
    "heart_pulse": "bpm"
  },
  "measures": [
    {
      "type": 1,
      "key": "weight",
      "name": "Weight",
      "value": 72.4,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 72400,
      "raw_unit": -3
    },
    {
      "type": 6,
      "key": "fat_ratio",
      "name": "Fat Ratio",
      "value": 18.1,
      "unit": "%",
      "position": null,
      "position_name": null,
      "raw_value": 1810,
      "raw_unit": -2
    },
    {
      "type": 8,
      "key": "fat_mass",
      "name": "Fat Mass",
      "value": 13.104,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 13104,
      "raw_unit": -3
    },
    {
      "type": 76,
      "key": "muscle_mass",
      "name": "Muscle Mass",
      "value": 56.32,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 5632,
      "raw_unit": -2
    },
    {
      "type": 77,
      "key": "hydration",
      "name": "Hydration",
      "value": 40.15,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 4015,
      "raw_unit": -2
    },
    {
      "type": 88,
      "key": "bone_mass",
      "name": "Bone Mass",
      "value": 2.96,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 296,
      "raw_unit": -2
    },
    {
      "type": 5,
      "key": "fat_free_mass",
      "name": "Fat Free Mass",
      "value": 59.29,
      "unit": "kg",
      "position": null,
      "position_name": null,
      "raw_value": 5929,
      "raw_unit": -2
    },
    {
      "type": 91,
      "key": "pulse_wave_velocity",
      "name": "Pulse Wave Velocity",
      "value": 7.34,
      "unit": "m/s",
      "position": null,
      "position_name": null,
      "raw_value": 734,
      "raw_unit": -2
    },
    {
      "type": 155,
      "key": "vascular_age",
      "name": "Vascular Age",
      "value": 38,
      "unit": "years",
      "position": null,
      "position_name": null,
      "raw_value": 380,
      "raw_unit": -1
    },
    {
      "type": 11,
      "key": "heart_pulse",
      "name": "Heart Pulse",
      "value": 61,
      "unit": "bpm",
      "position": null,
      "position_name": null,
      "raw_value": 61,
      "raw_unit": 0
    }
  ]
};
