/**
 * No secret in any output, on any error path: a loopback server echoes everything it receives (headers,
 * raw form body, decoded fields, PHP-style JSON) back in every way a failing Withings could, and a `$`
 * with a context (as on Pipedream, where platform axios exports `debug` on HTTP errors) records every
 * export. Every data call, every action, and the nonce, token and revoke calls run against every mode;
 * errors (message, toString, JSON, inspect, stack, cause), exports, summaries and console output are
 * searched for each secret in its raw, URL-encoded and JSON-escaped forms.
 */
import { inspect } from "node:util";
import { WithingsError, WithingsTimeoutError } from "../../common/errors";
import { startEchoServer, type EchoMode, type Received } from "../helpers/echo-server";
import { appInstance, actionInstance } from "../helpers/context";
import { tsComponents } from "../e2e/sim-helpers";
import { ACTION_PROPS } from "./action-props";

const SECRETS = {
  access: "at/1+2=3~x9f8e7d6c5b4a",
  refresh: "rt/9+8=7~r1a2b3c4d5e6f",
  clientSecret: "cs/5+6=\"7~s0a9b8c7d6e5",
  code: "co/1+1=2~c3d4e5f6a7b8",
};

/** Every spelling a secret can take on the way out: raw, URL-encoded two ways, JSON-escaped (also PHP's `\/`). */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([
    secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2),
    json, json.replace(/\//g, "\\/"), JSON.stringify(json).slice(1, -1),
  ])];
}
const ALL_FORMS = Object.values(SECRETS).flatMap((s) => forms(s).map((f) => f.toLowerCase()));

/** Fields of a token, nonce or revoke call that are not credentials. */
const PUBLIC_FIELDS = new Set(["action", "client_id", "grant_type", "redirect_uri", "timestamp", "userid"]);
/**
 * The secrets a probe's requests actually sent, besides the fixed ones: the Bearer token of every call, and
 * every other value of the OAuth and signature calls (client secret, code, refresh token, nonce, signature).
 */
function sentForms(requests: readonly Received[]): string[] {
  const sent: string[] = [];
  for (const r of requests) {
    const auth = String(r.headers.authorization ?? "");
    if (/^Bearer /i.test(auth)) sent.push(auth.slice(7));
    if (/^\/v2\/(oauth2|signature)\b/.test(r.url)) {
      for (const [k, v] of new URLSearchParams(r.raw)) if (!PUBLIC_FIELDS.has(k) && v.length >= 4) sent.push(v);
    }
  }
  return [...new Set(sent)].flatMap((v) => forms(v).map((f) => f.toLowerCase()));
}

const MODES: EchoMode[] = [
  ...[401, 100, 503, 293, 601, 522, 2554, 214, 232, 524, 99999].map((status) => ({ kind: "envelope", status }) as EchoMode),
  ...[400, 401, 403, 404, 429, 500, 502].map((httpStatus) => ({ kind: "http", httpStatus, json: true }) as EchoMode),
  { kind: "http", httpStatus: 500, json: false },
  { kind: "not-json" },
  { kind: "no-status" },
  { kind: "bad-shape" },
  { kind: "reset" },
  { kind: "hang" },
];
const modeName = (m: EchoMode) => JSON.stringify(m).replace(/"/g, "");

const DATA_CALLS: Array<[string, Record<string, unknown>]> = [
  ["getMeasures", { category: 1, lastupdate: 1795000000 }],
  ["getActivity", { startdateymd: "2026-11-01", enddateymd: "2026-11-07" }],
  ["getIntradayActivity", { startdate: 1795000000, enddate: 1795086400 }],
  ["getWorkouts", { lastupdate: 1795000000 }],
  ["getSleep", { startdate: 1795000000, enddate: 1795086400 }],
  ["getSleepSummary", { lastupdate: 1795000000 }],
  ["listHeartRecords", { startdate: 1795000000, enddate: 1795086400 }],
  ["getHeartSignal", { signalid: 123 }],
  ["getDevices", {}],
  ["getGoals", {}],
  ["subscribeNotification", { callbackurl: "https://example.com/hook", appli: 1 }],
  ["listNotifications", { appli: 1 }],
  ["getNotification", { callbackurl: "https://example.com/hook", appli: 1 }],
  ["revokeNotification", { callbackurl: "https://example.com/hook", appli: 1 }],
  ["updateNotification", { callbackurl: "https://example.com/hook", appli: 1, new_callbackurl: "https://example.com/2" }],
  ["getUserTimezone", {}],
];
const creds = { clientId: "cid_0001", clientSecret: SECRETS.clientSecret };
const TOKEN_CALLS: Array<[string, (app: any, $: unknown) => Promise<unknown>]> = [
  ["getNonce", (app, $) => app.getNonce({ $, ...creds })],
  ["refreshToken", (app, $) => app.refreshToken({ $, ...creds, refreshToken: SECRETS.refresh })],
  ["refreshToken (signed)", (app, $) => app.refreshToken({ $, ...creds, refreshToken: SECRETS.refresh, useSignature: true })],
  // The nonce is granted, so the signed token request itself is sent and fails in every way.
  ["refreshToken (signed, nonce granted)", (app, $) => withNonce(() =>
    app.refreshToken({ $, ...creds, refreshToken: SECRETS.refresh, useSignature: true }))],
  ["exchangeCode", (app, $) => app.exchangeCode({ $, ...creds, code: SECRETS.code, redirectUri: "https://example.com/cb" })],
  ["exchangeCode (signed, nonce granted)", (app, $) => withNonce(() =>
    app.exchangeCode({ $, ...creds, code: SECRETS.code, redirectUri: "https://example.com/cb", useSignature: true }))],
  ["revokeAccess (nonce granted)", (app, $) => withNonce(() => app.revokeAccess({ $, ...creds, userid: 42 }))],
  ["revokeAccess", (app, $) => app.revokeAccess({ $, ...creds, userid: 42 })],
];
const ACTIONS = tsComponents("actions");

/** Runs `call` with Withings granting nonces (every other request answers by the mode). */
async function withNonce<T>(call: () => Promise<T>): Promise<T> {
  echo.pass = (r) => (new URLSearchParams(r.raw).get("action") === "getnonce" ? { nonce: "n0nce-5e6f7a8b9c" } : undefined);
  try {
    return await call();
  } finally {
    echo.pass = undefined;
  }
}

function recordingStep() {
  const exports: Array<[string, unknown]> = [];
  return { exports, $: { context: { id: "exec" }, export: (k: string, v: unknown) => { exports.push([k, v]); } } };
}

function safe(f: () => unknown): string {
  try {
    return String(f());
  } catch (e) {
    return `<${(e as Error).message}>`;
  }
}

/** Everything a user, a log or the platform could see of one run. */
function surfaces(err: unknown, exports: unknown, logs: string[]): Record<string, string> {
  const e = err as Error & { cause?: unknown };
  return {
    message: safe(() => e?.message),
    toString: safe(() => String(e)),
    json: safe(() => JSON.stringify(e)),
    inspect: safe(() => inspect(e, { showHidden: true, depth: 10 })),
    stack: safe(() => e?.stack),
    cause: safe(() => inspect(e?.cause, { showHidden: true, depth: 10 })),
    exports: safe(() => inspect(exports, { depth: 10 })) + safe(() => JSON.stringify(exports)),
    logs: logs.join("\n"),
  };
}

let echo: Awaited<ReturnType<typeof startEchoServer>>;
const saved = { ...process.env };
const logs: string[] = [];
const results = { paths: 0, leaks: [] as string[], wrongClass: [] as string[] };

beforeAll(async () => {
  echo = await startEchoServer();
  process.env.WITHINGS_API_URL = echo.url;
  process.env.WITHINGS_TIMEOUT_MS = "150";
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10 }))).join(" "));
    });
  }
});
afterAll(async () => {
  process.env = saved;
  jest.restoreAllMocks();
  await echo.close();
  const leakingPaths = new Set(results.leaks.map((l) => l.replace(/ \w+: .*$/, ""))).size;
  console.info(`leak sweep: ${results.paths} error paths, ${leakingPaths} leaking (${results.leaks.length} secret sightings), `
    + `${results.wrongClass.length} untyped errors`);
  if (process.env.LEAK_REPORT) console.info([...results.wrongClass, ...results.leaks].join("\n"));
});

async function probe(name: string, mode: EchoMode, run: ($: unknown) => Promise<unknown>): Promise<void> {
  echo.mode = mode;
  // A hung request is not retried here, so this stays quick; transport.test.ts checks the retries.
  process.env.WITHINGS_RETRIES = mode.kind === "hang" ? "0" : "3";
  logs.length = 0;
  const { exports, $ } = recordingStep();
  const from = echo.received.length;
  const guard = new Promise((_r, reject) => setTimeout(() => reject(new Error("no answer after 3 s")), 3000));
  const err = await Promise.race([run($), guard]).then(() => undefined, (e: unknown) => e);
  const secretForms = [...ALL_FORMS, ...sentForms(echo.received.slice(from))];
  results.paths++;
  const label = `${name} / ${modeName(mode)}`;
  const expected = mode.kind === "hang" ? WithingsTimeoutError : WithingsError;
  if (!(err instanceof expected)) results.wrongClass.push(`${label}: ${safe(() => (err as Error)?.name)} ${safe(() => (err as Error)?.message)}`.slice(0, 300));
  for (const [where, text] of Object.entries(surfaces(err, exports, logs))) {
    const lower = text.toLowerCase();
    for (const f of secretForms) if (lower.includes(f)) results.leaks.push(`${label} ${where}: ${f}`);
  }
}

/** A run that must succeed: its result, summary, exports and logs are searched for every secret. */
async function probeOutput(label: string, mode: EchoMode, run: ($: unknown) => Promise<unknown>): Promise<void> {
  echo.mode = mode;
  process.env.WITHINGS_RETRIES = mode.kind === "hang" ? "0" : "3";
  logs.length = 0;
  const { exports, $ } = recordingStep();
  const from = echo.received.length;
  let result: unknown;
  try {
    result = await run($);
  } catch (err) {
    results.wrongClass.push(`${label}: failed instead of succeeding: ${safe(() => (err as Error)?.name)} ${safe(() => (err as Error)?.message)}`.slice(0, 300));
  }
  results.paths++;
  const seen = { ...surfaces(undefined, exports, logs), result: safe(() => inspect(result, { depth: 10 })) + safe(() => JSON.stringify(result)) };
  const secretForms = [...ALL_FORMS, ...sentForms(echo.received.slice(from))];
  for (const [where, text] of Object.entries(seen)) {
    const lower = text.toLowerCase();
    for (const f of secretForms) if (lower.includes(f)) results.leaks.push(`${label} ${where}: ${f}`);
  }
}

const LIST_MODES = MODES;
/** A raw data call returns the body as is; the shape of a list is checked where the list is used. */
const NO_LIST = new Set([...DATA_CALLS.map(([name]) => name), ...TOKEN_CALLS.map(([name]) => name),
  "subscribeNotification", "revokeNotification", "updateNotification", "getNotification"]);
const modesFor = (name: string) => LIST_MODES.filter((m) => !(m.kind === "bad-shape" && NO_LIST.has(name)));

describe("no secret in any output, on every error path", () => {
  it.each(DATA_CALLS)("data call %s", async (method, args) => {
    for (const mode of modesFor(method)) {
      const app = appInstance({ oauth_access_token: SECRETS.access, oauth_refresh_token: SECRETS.refresh });
      await probe(method, mode, ($) => app[method]({ $, ...args }));
    }
  });

  it.each(TOKEN_CALLS)("token call %s", async (name, call) => {
    for (const mode of modesFor(name)) {
      const app = appInstance({ oauth_access_token: SECRETS.access, oauth_refresh_token: SECRETS.refresh });
      await probe(name, mode, ($) => call(app, $));
    }
  });

  it.each(ACTIONS.map((a) => [a.slug, a.component] as const))("action %s", async (slug, component) => {
    // An action that changes something (subscribe, update, revoke) reads nothing back: odd lists in its reply are
    // still a success.
    const writes = (component as { annotations: { readOnlyHint: boolean } }).annotations.readOnlyHint === false;
    for (const mode of MODES.filter((m) => m.kind !== "hang" && !(writes && m.kind === "bad-shape"))) {
      const self = actionInstance(component, { timezone: "UTC", ...(ACTION_PROPS[slug] ?? {}) },
        { oauth_access_token: SECRETS.access, oauth_refresh_token: SECRETS.refresh });
      await probe(`action ${slug}`, mode, ($) => (component as any).run.call(self, { $, steps: {} }));
    }
  });

  // Get ECG Signal then looks its recording up in Heart v2 List, and a failed look-up is only a note in the
  // output: the signal is read well here so that every failure of the look-up is seen where it ends up.
  it("action get-ecg-signal when only its recording look-up fails", async () => {
    echo.pass = (r) => (new URLSearchParams(r.raw).get("action") === "get"
      ? { signal: [10, -20, 30, -40], sampling_frequency: 500, wearposition: 1 } : undefined);
    const component = ACTIONS.find((a) => a.slug === "get-ecg-signal")!.component as any;
    try {
      for (const mode of MODES) {
        const self = actionInstance(component, { signalId: 123 },
          { oauth_access_token: SECRETS.access, oauth_refresh_token: SECRETS.refresh });
        let out: any;
        await probeOutput(`get-ecg-signal look-up / ${modeName(mode)}`, mode, async ($) => {
          out = await component.run.call(self, { $, steps: {} });
          return out;
        });
        // The signal is kept and the failure is told, in words that carry no secret (checked above).
        expect(out?.sample_count).toBe(4);
        expect(out?.recording).toBeNull();
        expect(out?.chart_note).toMatch(/^the ECG list could not be read: Withings /);
      }
    } finally {
      echo.pass = undefined;
    }
  });

  it("found no leak and only typed errors", () => {
    expect(results.paths).toBeGreaterThan(500);
    expect(results.leaks).toEqual([]);
    expect(results.wrongClass).toEqual([]);
  });
});
