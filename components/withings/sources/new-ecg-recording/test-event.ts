/** A sample event (`ECG: AFib inconclusive, 74 bpm, blood pressure 128/81 mmHg on 2026-11-20 07:00 Europe/Paris`), shown before the first real event arrives. */
export default {
  "id": "ecg-501234890",
  "timestamp": 1795154400,
  "time_iso": "2026-11-20T07:00:00+01:00",
  "timezone": "Europe/Paris",
  "deviceid": "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
  "model": 44,
  "model_name": "BPM Core",
  "signalid": 501234890,
  "afib": 2,
  "afib_result": "inconclusive",
  "heart_rate": 74,
  "bloodpressure": {
    "systole": 128,
    "diastole": 81
  },
  "modified": 1795154500
};
