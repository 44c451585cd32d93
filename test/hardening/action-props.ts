/** Props an action needs to get as far as its request, shared by the hardening tests (the sweep, the leaks, odd replies). */
const HOOK = "https://hooks.example.com/withings";

export const ACTION_PROPS: Readonly<Record<string, Record<string, unknown>>> = {
  "get-ecg-signal": { signalId: 123 },
  "get-stethoscope-signal": { signalId: 187000004 },
  "subscribe-to-notifications": { callbackUrl: HOOK, appli: 1 },
  "get-notification-subscription": { callbackUrl: HOOK, appli: 1 },
  "update-notification-subscription": { callbackUrl: HOOK, appli: 1, comment: "weight sync" },
  "revoke-notification-subscription": { callbackUrl: HOOK, appli: 1 },
};
