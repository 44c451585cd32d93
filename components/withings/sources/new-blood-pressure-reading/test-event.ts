/** A sample event (`Blood pressure 121/78 mmHg, pulse 64 bpm on 2026-11-19 16:30 Europe/Paris`), shown before the first real event arrives. */
export default {
  "id": "1795102200-77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b",
  "date": 1795102200,
  "date_iso": "2026-11-19T16:30:00+01:00",
  "timezone": "Europe/Paris",
  "systolic_mmhg": 121,
  "diastolic_mmhg": 78,
  "pulse_bpm": 64,
  "device_model": "BPM Connect",
  "deviceid": "77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b",
  "grpids": [
    6119987420
  ],
  "trusted": true
};
