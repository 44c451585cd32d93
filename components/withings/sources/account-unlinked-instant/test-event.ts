export default {
  userid: "32461891",
  appli: 46,
  action: "unlink",
  description: "unlinked this app from their Withings account",
  date: "2026-11-20",
  received_at: 1795161600,
  received_at_iso: "2026-11-20T08:00:00.000Z",
};
