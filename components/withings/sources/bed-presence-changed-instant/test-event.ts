export default {
  userid: "32461891",
  appli: 50,
  in_bed: true,
  event: "in_bed",
  deviceid: "a3f2c1d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4",
  date: 1795129200,
  date_iso: "2026-11-19T23:00:00.000Z",
};
