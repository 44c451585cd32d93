import type { AddressInfo } from "node:net";
import { createClock } from "./clock";
import { demoUserId as demoUserIdFor, generateDemoUser } from "./demo-data";
import { Faults } from "./faults";
import { Notifier, WITHINGS_RETRY_DELAYS_MS } from "./notify";
import { OAuth, SCOPES } from "./oauth";
import { hexId } from "./random";
import { createSimServer } from "./server";
import { Store } from "./store";
import type { Simulator, SimulatorOptions } from "./types";

export type {
  FaultKind, FaultMatch, Simulator, SimulatorData, SimulatorOptions, SimClock, RequestLogEntry, DeliveryLogEntry,
  MeasureGroupInput, WeighInInput, BloodPressureInput, ActivityInput, WorkoutInput, SleepSummaryInput, EcgInput,
} from "./types";
export { UNKNOWN_MEASURE_TYPE, UNKNOWN_WORKOUT_CATEGORY } from "./demo-data";
export { AUTHORIZE_PATH } from "./server";
export { SCOPES, ACCESS_TTL, CODE_TTL, OLD_REFRESH_GRACE, NONCE_TTL } from "./oauth";

/** The simulated app's registered callback (Withings refuses localhost and IPs here too). */
export const DEFAULT_REDIRECT_URI = "https://app.example.com/withings/callback";

/**
 * Starts a Withings API simulator on 127.0.0.1: OAuth, signatures, every health-data service,
 * notifications, a deterministic demo user, an injectable clock and fault injection.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? 42;
  const clock = createClock(opts.now ?? Math.floor(Date.now() / 1000), opts.frozenClock ?? false);
  const store = new Store(clock);
  const demoUserId = demoUserIdFor(seed);
  if (opts.emptyDemoUser) store.ensureUser(demoUserId);
  else generateDemoUser(store, clock, demoUserId, seed);

  const client = {
    clientId: hexId("client", seed).slice(0, 32),
    clientSecret: hexId("secret", seed) + hexId("secret2", seed).slice(0, 24),
    redirectUri: DEFAULT_REDIRECT_URI,
  };
  const oauth = new OAuth(clock, { ...client, redirectUris: [DEFAULT_REDIRECT_URI, ...(opts.redirectUris ?? [])] }, demoUserId);
  const notifier = new Notifier(clock, opts.notifyRetryDelaysMs ?? WITHINGS_RETRY_DELAYS_MS, opts.allowLoopbackCallbacks ?? false);
  oauth.onRevoke = (clientId, userid) => {
    // Withings tells the app it was unlinked (appli 46), then drops the user's subscriptions.
    notifier.userAction(userid, "unlink");
    notifier.removeUser(clientId, userid);
  };
  store.onChange((c) => notifier.deliver(c));
  const faults = new Faults();
  const requests: Simulator["requests"] = [];

  const server = createSimServer({
    clock, store, oauth, notifier, faults, requests,
    pageSize: opts.pageSize ?? 50, rateLimitPerMinute: opts.rateLimitPerMinute ?? 120,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    client,
    demoUserId,
    clock,
    issueTokens({ userid = demoUserId, scopes = [...SCOPES] } = {}) {
      store.ensureUser(String(userid));
      const { access_token, refresh_token, expires_in } = oauth.issue(String(userid), scopes);
      return { access_token, refresh_token, userid: String(userid), expires_in };
    },
    data: store,
    faults: {
      failNext: (n, kind, match) => faults.failNext(n, kind, match),
      failRate: (p, kinds, o) => faults.failRate(p, kinds, o),
      clear: () => faults.clear(),
    },
    requests,
    notifications: {
      deliveries: notifier.deliveries,
      idle: () => notifier.idle(),
      subscriptions: (userid) => notifier.subs
        .filter((s) => userid === undefined || s.userid === userid)
        .map(({ userid: u, appli, callbackurl, comment }) => ({ userid: u, appli, callbackurl, comment })),
      userAction: (userid, action) => notifier.userAction(String(userid), action),
      bedEvent: (userid, inBed, deviceid = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233", date) =>
        notifier.bedEvent(String(userid), inBed, deviceid, date),
    },
    close: () => new Promise<void>((resolve) => {
      notifier.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
