/** A sample event (`Heart sounds: VHD negative on 2026-11-20 09:05 Europe/Paris`), shown before the first real event arrives. */
export default {
  "id": "stetho-187000004",
  "signalid": 187000004,
  "timestamp": 1795161900,
  "time_iso": "2026-11-20T09:05:00+01:00",
  "timezone": "Europe/Paris",
  "hash_deviceid": "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
  "vhd": 0,
  "vhd_result": "negative",
};
