import { defineApp } from "@pipedream/types";
import { axios } from "@pipedream/platform";
import { MEASURE_TYPES } from "../../common/codes/measure-types";
import { DATA_FIELDS, DEFAULT_DATA_FIELDS } from "../../common/codes/data-fields";
import { NOTIFY_APPLIS } from "../../common/codes/misc";
import { decodeEcgRecord, ecgRecordLabel } from "../../common/decode/heart";
import { decodeStethoRecord, stethoRecordLabel } from "../../common/decode/stetho";
import { UNIT_SYSTEMS } from "../../common/decode/units";
import { nowEpoch } from "../../common/dates";
import { items, pages, type Offset } from "../../common/paginate";
import { listOf } from "../../common/shape";
import {
  callWithings, DEFAULT_AUTHORIZE_URL, redactingStep, resolveBaseUrl, retryPolicyFromEnv, toForm, type RetryPolicy,
} from "../../common/transport";
import type {
  EcgRecord, FormFields, GetActivityBody, GetDeviceBody, GetGoalsBody, GetIntradayBody, GetMeasBody, GetSleepBody,
  GetSleepSummaryBody, GetWorkoutsBody, HeartGetBody, HeartListBody, NotifyListBody, NotifyProfile, Paged,
  StethoGetBody, StethoListBody, StethoRecord,
} from "../../common/types";

import type { CallArgs, RequestArgs, SendArgs, WithingsAuth } from "./common/app-types";
import { oauthMethods } from "./common/oauth-methods";

export type { CallArgs, ClientCredentials, RequestArgs, SendArgs, WithingsAuth } from "./common/app-types";

/**
 * One page of a signal-id dropdown: the page's recordings as options (the list checked like any other), and
 * where the next page starts. Pipedream accepts `{ options, context }` to page; its types only know arrays.
 */
function signalOptions<R>(body: Paged, action: string, toOption: (r: R) => { label: string; value: number } | null): never {
  const options = listOf<R>(body, "series", action).map(toOption).filter((o) => o !== null);
  const context = body.more && body.offset !== undefined ? { offset: body.offset } : { done: true };
  return { options, context } as never;
}

export default defineApp({
  type: "app",
  app: "withings",
  propDefinitions: {
    measureTypes: {
      type: "integer[]",
      label: "Measure Types",
      description: "Only return these measure types, by Withings code, e.g. `1` (weight) or `9`, `10`, `11` "
        + "(blood pressure and pulse). Leave empty for every type.",
      optional: true,
      options: MEASURE_TYPES.map((t) => ({ label: `${t.name}${t.unit ? ` (${t.unit})` : ""}`, value: t.code })),
    },
    category: {
      type: "integer",
      label: "Category",
      description: "`1` for real measures taken by the user or a device, `2` for the user's objectives.",
      optional: true,
      default: 1,
      options: [
        { label: "Real measures", value: 1 },
        { label: "User objectives", value: 2 },
      ],
    },
    startDate: {
      type: "string",
      label: "Start Date",
      description: "Start of the period: `YYYY-MM-DD` (a day in the user's time zone), ISO 8601 such as "
        + "`2026-11-01T00:00:00Z`, or unix seconds such as `1793491200`.",
      optional: true,
    },
    endDate: {
      type: "string",
      label: "End Date",
      description: "End of the period, same formats as Start Date, e.g. `2026-11-20`. A date without a time "
        + "includes that whole day. Defaults to now.",
      optional: true,
    },
    lastUpdate: {
      type: "string",
      label: "Updated Since",
      description: "Instead of a date range: only records created or changed after this time, as ISO 8601 with "
        + "an offset (e.g. `2026-11-20T00:00:00Z`) or unix seconds. Do not combine with Start Date or End Date.",
      optional: true,
    },
    timezone: {
      type: "string",
      label: "Time Zone",
      description: "IANA time zone of the Withings user, e.g. `Europe/Paris`, used to turn dates into the user's "
        + "days. Leave empty to use the time zone of the Withings account.",
      optional: true,
    },
    maxResults: {
      type: "integer",
      label: "Max Results",
      description: "Stop after this many records, following Withings' pages until then, e.g. `100`.",
      optional: true,
      default: 100,
      min: 1,
    },
    unitSystem: {
      type: "string",
      label: "Unit System",
      description: "`metric` (kg, m, °C, as Withings stores them) or `imperial` (lb, in, °F).",
      optional: true,
      default: "metric",
      options: [...UNIT_SYSTEMS],
    },
    activityDataFields: {
      type: "string[]",
      label: "Data Fields",
      description: "Activity fields to return, e.g. `steps`, `distance`, `hr_average`. Every field by default.",
      optional: true,
      default: [...DEFAULT_DATA_FIELDS.getactivity],
      options: [...DATA_FIELDS.getactivity],
    },
    intradayDataFields: {
      type: "string[]",
      label: "Data Fields",
      description: "Intraday fields to return, e.g. `steps`, `heart_rate`. By default steps, elevation, "
        + "calories, distance, heart rate and SpO2.",
      optional: true,
      default: [...DEFAULT_DATA_FIELDS.getintradayactivity],
      options: [...DATA_FIELDS.getintradayactivity],
    },
    workoutDataFields: {
      type: "string[]",
      label: "Data Fields",
      description: "Workout fields to return, e.g. `calories`, `distance`, `hr_average`. Every field by default.",
      optional: true,
      default: [...DEFAULT_DATA_FIELDS.getworkouts],
      options: [...DATA_FIELDS.getworkouts],
    },
    sleepDataFields: {
      type: "string[]",
      label: "Data Fields",
      description: "High-frequency sleep series to return, e.g. `hr`, `rr`, `snoring`. By default heart "
        + "rate, respiration rate and snoring.",
      optional: true,
      default: [...DEFAULT_DATA_FIELDS.sleepget],
      options: [...DATA_FIELDS.sleepget],
    },
    sleepSummaryDataFields: {
      type: "string[]",
      label: "Data Fields",
      description: "Sleep summary fields to return, e.g. `sleep_score`, `hr_average`, `total_sleep_time`. By "
        + "default every useful field (Withings omits heart rate, score and snoring unless asked).",
      optional: true,
      default: [...DEFAULT_DATA_FIELDS.getsummary],
      options: [...DATA_FIELDS.getsummary],
    },
    signalId: {
      type: "integer",
      label: "ECG Signal ID",
      description: "The `signalid` of an ECG recording, as returned by List ECG Recordings, e.g. `123456789`. "
        + "Pick one of the recent recordings or enter an ID.",
      async options(this: { listHeartRecords(a: CallArgs): Promise<HeartListBody> },
        { prevContext }: { prevContext?: { offset?: number | string; done?: boolean } }) {
        if (prevContext?.done) return [];
        const offset = prevContext?.offset;
        const body = await this.listHeartRecords(offset === undefined ? {} : { offset });
        return signalOptions<EcgRecord>(body, "list", (r) => {
          const d = decodeEcgRecord(r, "UTC");
          return d.signalid === null ? null : { label: ecgRecordLabel(d), value: d.signalid };
        });
      },
    },
    // ---- Stetho v2 (heart sounds) ----
    stethoSignalId: {
      type: "integer",
      label: "Stethoscope Signal ID",
      description: "The `signalid` of a stethoscope recording, as returned by List Stethoscope Recordings, e.g. "
        + "`187000004`. Pick one of the recent recordings or enter an ID.",
      async options(this: { listStethoRecords(a: CallArgs): Promise<StethoListBody> },
        { prevContext }: { prevContext?: { offset?: number | string; done?: boolean } }) {
        if (prevContext?.done) return [];
        const offset = prevContext?.offset;
        const body = await this.listStethoRecords(offset === undefined ? {} : { offset });
        return signalOptions<StethoRecord>(body, "list", (r) => {
          if (typeof r.signalid !== "number") return null;
          const d = decodeStethoRecord(r, "UTC");
          return { label: stethoRecordLabel(d), value: d.signalid };
        });
      },
    },
    // ---- end Stetho v2 ----
    appli: {
      type: "integer",
      label: "Notification Category",
      description: "Withings notification category (`appli`), e.g. `1` for weight or `44` for sleep. These codes "
        + "are not measure type codes.",
      options: NOTIFY_APPLIS.map((a) => ({ label: `${a.name} (${a.code})`, value: a.code })),
    },
    callbackUrl: {
      type: "string",
      label: "Callback URL",
      description: "The https URL of a notification subscription, e.g. `https://example.com/withings/notify`. "
        + "Pick one of the account's subscriptions or enter a URL.",
      async options(this: { listNotifications(a: CallArgs): Promise<NotifyListBody> }) {
        const body = await this.listNotifications({});
        return [...new Set(listOf<NotifyProfile>(body, "profiles", "list").map((p) => p.callbackurl))];
      },
    },
  },
  methods: {
    ...oauthMethods,
    _auth(): WithingsAuth {
      // `$auth` is injected by the platform but is missing from defineApp's `this` type.
      return ((this as unknown as { $auth?: WithingsAuth }).$auth ?? {}) as WithingsAuth;
    },
    _baseUrl(): string {
      return resolveBaseUrl(this._auth().base_url);
    },
    _retryPolicy(): RetryPolicy {
      return retryPolicyFromEnv();
    },
    /** OAuth endpoints as data, following the base URL override. */
    oauthEndpoints(): { authorizeUrl: string; tokenUrl: string; signatureUrl: string } {
      const base = this._baseUrl();
      return {
        authorizeUrl: this._auth().authorize_url || process.env.WITHINGS_AUTHORIZE_URL || DEFAULT_AUTHORIZE_URL,
        tokenUrl: `${base}/v2/oauth2`,
        signatureUrl: `${base}/v2/signature`,
      };
    },
    /**
     * The one HTTP call: a form-encoded POST with `action`, the Bearer token, the `status` checked, a
     * deadline on every attempt, and 601/522/timeouts retried with backoff. Secrets are redacted from
     * every error and from what platform axios exports on `$`.
     */
    async _makeRequest<T>({ $, path, action, data = {}, bearer = true, secrets = [] }: RequestArgs): Promise<T> {
      const token = this._auth().oauth_access_token;
      const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
      if (bearer) headers.Authorization = `Bearer ${token}`;
      const url = `${this._baseUrl()}${path}`;
      const body = toForm({ ...data, action });
      const retry = this._retryPolicy();
      const hidden = [token, this._auth().oauth_refresh_token, ...secrets];
      return callWithings<T>(
        (signal) => this._send({ $, url, headers, body, timeoutMs: retry.timeoutMs, signal, secrets: hidden }),
        { action, secrets: hidden, retry },
      );
    },
    /**
     * Sends one attempt and returns the parsed body. On Pipedream this is platform axios; another host
     * (the MCP server, n8n, Zapier) replaces this one method with its own HTTP, so that everything above it
     * (envelope, retries, redaction, paging, decoding) is the same code everywhere.
     */
    _send({ $, url, headers, body, timeoutMs, signal, secrets }: SendArgs): Promise<unknown> {
      const step = redactingStep($ ?? this, secrets);
      return axios(step as never, { method: "POST", url, headers, data: body, timeout: timeoutMs, signal });
    },
    _call<T>(path: string, action: string, args: CallArgs = {}): Promise<T> {
      const { $, params, ...rest } = args;
      return this._makeRequest<T>({ $, path, action, data: { ...(params ?? {}), ...rest } as FormFields });
    },

    /** Measure - Getmeas (`/measure`, not `/v2`). https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas */
    getMeasures(args: CallArgs = {}): Promise<GetMeasBody> {
      return this._call<GetMeasBody>("/measure", "getmeas", args);
    },
    /** Measure v2 - Getactivity. */
    getActivity(args: CallArgs = {}): Promise<GetActivityBody> {
      return this._call<GetActivityBody>("/v2/measure", "getactivity", args);
    },
    /** Measure v2 - Getintradayactivity (24 h per call). */
    getIntradayActivity(args: CallArgs = {}): Promise<GetIntradayBody> {
      return this._call<GetIntradayBody>("/v2/measure", "getintradayactivity", args);
    },
    /** Measure v2 - Getworkouts. */
    getWorkouts(args: CallArgs = {}): Promise<GetWorkoutsBody> {
      return this._call<GetWorkoutsBody>("/v2/measure", "getworkouts", args);
    },
    /** Sleep v2 - Get (24 h per call). */
    getSleep(args: CallArgs = {}): Promise<GetSleepBody> {
      return this._call<GetSleepBody>("/v2/sleep", "get", args);
    },
    /** Sleep v2 - Getsummary. */
    getSleepSummary(args: CallArgs = {}): Promise<GetSleepSummaryBody> {
      return this._call<GetSleepSummaryBody>("/v2/sleep", "getsummary", args);
    },
    /** Heart v2 - List (ECG recordings). */
    listHeartRecords(args: CallArgs = {}): Promise<HeartListBody> {
      return this._call<HeartListBody>("/v2/heart", "list", args);
    },
    /** Heart v2 - Get (one ECG signal). */
    getHeartSignal(args: CallArgs = {}): Promise<HeartGetBody> {
      return this._call<HeartGetBody>("/v2/heart", "get", args);
    },
    // ---- Stetho v2 (heart sounds) ----
    /** Stetho v2 - List (stethoscope recordings of a BPM Core or BeamO). */
    listStethoRecords(args: CallArgs = {}): Promise<StethoListBody> {
      return this._call<StethoListBody>("/v2/stetho", "list", args);
    },
    /** Stetho v2 - Get (one recording, G.711 A-law). */
    getStethoSignal(args: CallArgs = {}): Promise<StethoGetBody> {
      return this._call<StethoGetBody>("/v2/stetho", "get", args);
    },
    // ---- end Stetho v2 ----
    /** User v2 - Getdevice. */
    getDevices(args: CallArgs = {}): Promise<GetDeviceBody> {
      return this._call<GetDeviceBody>("/v2/user", "getdevice", args);
    },
    /** User v2 - Getgoals. */
    getGoals(args: CallArgs = {}): Promise<GetGoalsBody> {
      return this._call<GetGoalsBody>("/v2/user", "getgoals", args);
    },
    /** Notify - Subscribe. */
    subscribeNotification(args: CallArgs = {}): Promise<Record<string, never>> {
      return this._call<Record<string, never>>("/notify", "subscribe", args);
    },
    /** Notify - List. */
    listNotifications(args: CallArgs = {}): Promise<NotifyListBody> {
      return this._call<NotifyListBody>("/notify", "list", args);
    },
    /** Notify - Get. */
    getNotification(args: CallArgs = {}): Promise<NotifyProfile> {
      return this._call<NotifyProfile>("/notify", "get", args);
    },
    /** Notify - Revoke. */
    revokeNotification(args: CallArgs = {}): Promise<Record<string, never>> {
      return this._call<Record<string, never>>("/notify", "revoke", args);
    },
    /** Notify - Update. */
    updateNotification(args: CallArgs = {}): Promise<Record<string, never>> {
      return this._call<Record<string, never>>("/notify", "update", args);
    },

    /** Every page of a paged call, following `more`/`offset`. */
    pages<B extends Paged>(fetch: (args: CallArgs) => Promise<B>, args: CallArgs, action: string): AsyncGenerator<B> {
      return pages<B>((offset: Offset) => fetch.call(this, { ...args, offset }), { action });
    },
    /**
     * Every item of a paged call, e.g. `paginate(this.getMeasures, args, "measuregrps", "getmeas")`. A page
     * without that list, or with it in the wrong shape, is a WithingsResponseError (see `listOf`); a
     * function picks the items itself and should check them with `listOf`.
     */
    paginate<B extends Paged, T>(fetch: (args: CallArgs) => Promise<B>, args: CallArgs,
      pick: string | ((body: B) => readonly T[]), action: string): AsyncGenerator<T> {
      const list = typeof pick === "string" ? (body: B) => listOf<T>(body, pick, action) : pick;
      return items<B, T>((offset: Offset) => fetch.call(this, { ...args, offset }), list, { action });
    },
    /** The user's IANA time zone as Withings reports it on getmeas (needs only `user.metrics`). */
    async getUserTimezone({ $ }: { $?: unknown } = {}): Promise<string> {
      const body = await this.getMeasures({ $, category: 1, lastupdate: nowEpoch() });
      return typeof body.timezone === "string" && body.timezone ? body.timezone : "UTC";
    },
  },
});
