import nock from "nock";
import {
  WithingsAuthError, WithingsError, WithingsInvalidParamsError, WithingsNotImplementedError,
  WithingsRateLimitError, WithingsResponseError, WithingsTimeoutError, WithingsUnauthorizedError,
} from "../common/errors";
import { loadFixture } from "./helpers/fixtures";
import { BASE, mockWithings, resetHttp, TOKEN } from "./helpers/http";
import { appInstance } from "./helpers/context";
import { retryPolicyFromEnv } from "../common/transport";

afterEach(resetHttp);

const envelope = (status: number, error = "detail") => ({ status, body: {}, error });

describe("the HTTP layer (_makeRequest)", () => {
  it("sends a form-encoded POST with action, the Bearer header, arrays as comma lists and no undefined fields", async () => {
    const http = mockWithings([{ path: "/v2/measure", body: { status: 0, body: { activities: [], more: false, offset: 0 } } }]);
    const body = await appInstance().getActivity({
      startdateymd: "2026-11-01", enddateymd: "2026-11-07", data_fields: ["steps", "distance"], offset: undefined, lastupdate: null,
    });
    expect(body).toEqual({ activities: [], more: false, offset: 0 });
    const [req] = http.requests;
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.form).toEqual({ action: "getactivity", startdateymd: "2026-11-01", enddateymd: "2026-11-07", data_fields: "steps,distance" });
  });

  it("accepts the legacy { params } argument of getMeasures", async () => {
    const http = mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-empty") }]);
    await appInstance().getMeasures({ params: { category: 1, lastupdate: 1795000000 } });
    expect(http.requests[0].form).toEqual({ action: "getmeas", category: "1", lastupdate: "1795000000" });
  });

  it("follows an overridden base URL (simulator, US cloud) from $auth or the environment", async () => {
    const http = mockWithings([{ path: "/v2/user", body: { status: 0, body: { devices: [] } } }], "https://wbsapi.us.withingsmed.net");
    await appInstance({ base_url: "https://wbsapi.us.withingsmed.net/" }).getDevices();
    expect(http.requests).toHaveLength(1);
    process.env.WITHINGS_API_URL = "https://wbsapi.us.withingsmed.net";
    try {
      const again = mockWithings([{ path: "/v2/user", body: { status: 0, body: { goals: [] } } }], "https://wbsapi.us.withingsmed.net");
      await appInstance().getGoals();
      expect(again.requests[0].form.action).toBe("getgoals");
    } finally {
      delete process.env.WITHINGS_API_URL;
    }
  });

  it("unwraps the envelope and returns only the body", async () => {
    mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas") }]);
    const body = await appInstance().getMeasures({ category: 1 });
    expect(Object.keys(body)).toEqual(["updatetime", "timezone", "measuregrps"]);
  });

  it.each([
    [401, WithingsAuthError, "auth", /Reconnect your Withings account/],
    [100, WithingsAuthError, "auth", /Reconnect/],
    [503, WithingsInvalidParamsError, "invalid_params", /Check the values you entered/],
    [293, WithingsInvalidParamsError, "invalid_params", /parameters/],
    [2554, WithingsNotImplementedError, "not_implemented", /does not know this action/],
    [214, WithingsUnauthorizedError, "unauthorized", /not allowed/],
    [232, WithingsError, "error_occurred", /internal error/],
    [524, WithingsError, "bad_state", /bad state/],
    [123456, WithingsError, "unknown", /unexpected status/],
  ])("maps status %i to %p (%s) without retrying", async (status, cls, family, advice) => {
    const http = mockWithings([{ path: "/measure", body: envelope(status, "boom") }]);
    const err = await appInstance().getMeasures({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err).toMatchObject({ status, family, action: "getmeas", withingsError: "boom" });
    expect(err.message).toMatch(new RegExp(`^Withings getmeas failed with status ${status} \\(boom\\)\\. `));
    expect(err.message).toMatch(advice);
    expect(http.requests).toHaveLength(1);
  });

  it.each([
    [601, WithingsRateLimitError],
    [522, WithingsTimeoutError],
  ])("retries status %i with backoff, then succeeds", async (status) => {
    const http = mockWithings([
      { path: "/measure", body: envelope(status) },
      { path: "/measure", body: envelope(status) },
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
    ]);
    const body = await appInstance().getMeasures({ category: 1 });
    expect(body.measuregrps).toEqual([]);
    expect(http.requests).toHaveLength(3);
    // Every retry repeats the exact same request.
    expect(new Set(http.requests.map((r) => JSON.stringify(r.form))).size).toBe(1);
  });

  it.each([
    [601, WithingsRateLimitError, /Wait a minute/],
    [522, WithingsTimeoutError, /Try again in a few seconds/],
  ])("gives up on status %i after the bounded retries and reports it", async (status, cls, advice) => {
    const http = mockWithings(Array.from({ length: 4 }, () => ({ path: "/measure", body: envelope(status) })));
    const err = await appInstance().getMeasures({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err.message).toMatch(advice);
    expect(http.requests).toHaveLength(4);
    expect(http.pending()).toEqual([]);
  });

  describe("deadlines", () => {
    beforeEach(() => { process.env.WITHINGS_TIMEOUT_MS = "60"; });
    afterEach(() => { delete process.env.WITHINGS_TIMEOUT_MS; });

    it("abandons an attempt that outlives the deadline and retries it like a 522", async () => {
      nock(BASE).post("/measure").delay(1000).reply(200, loadFixture("measure-getmeas-empty"));
      const http = mockWithings([{ path: "/measure", body: loadFixture("measure-getmeas-empty") }]);
      await expect(appInstance().getMeasures({ category: 1 })).resolves.toHaveProperty("measuregrps", []);
      expect(http.requests).toHaveLength(1);
    });

    it("ends in a WithingsTimeoutError with advice once the retries are spent", async () => {
      const scope = nock(BASE).post("/measure").times(4).delay(1000).reply(200, loadFixture("measure-getmeas-empty"));
      const started = Date.now();
      const err = await appInstance().getMeasures({}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WithingsTimeoutError);
      expect(err).toMatchObject({ family: "timeout", action: "getmeas", retryable: true });
      expect(err.message).toBe("Withings getmeas did not answer within 60 ms. Withings timed out. Try again in a few "
        + "seconds; if it keeps happening, check https://status.withings.com.");
      expect(scope.isDone()).toBe(true);
      expect(Date.now() - started).toBeLessThan(900);
    });

    it("reads the deadline from WITHINGS_TIMEOUT_MS and defaults to 10 s", () => {
      expect(retryPolicyFromEnv({}).timeoutMs).toBe(10000);
      expect(retryPolicyFromEnv({ WITHINGS_TIMEOUT_MS: "2500" }).timeoutMs).toBe(2500);
      expect(retryPolicyFromEnv({ WITHINGS_TIMEOUT_MS: "soon" }).timeoutMs).toBe(10000);
    });
  });

  it("treats HTTP 429 as a rate limit and retries it", async () => {
    const http = mockWithings([
      { path: "/measure", body: "Too Many Requests", httpStatus: 429 },
      { path: "/measure", body: loadFixture("measure-getmeas-empty") },
    ]);
    await expect(appInstance().getMeasures({})).resolves.toHaveProperty("measuregrps", []);
    expect(http.requests).toHaveLength(2);
  });

  it("does not retry an HTTP 500 and says what happened", async () => {
    const http = mockWithings([{ path: "/measure", body: { oops: true }, httpStatus: 500 }]);
    const err = await appInstance().getMeasures({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/^Withings getmeas failed with HTTP 500/);
    expect(http.requests).toHaveLength(1);
  });

  it("refuses a body that is not JSON or not an envelope", async () => {
    mockWithings([{ path: "/measure", body: "{\"status\":0,\"body\":{\"measuregr" }]);
    await expect(appInstance().getMeasures({})).rejects.toThrow(/not JSON/);
    mockWithings([{ path: "/measure", body: { hello: "world" } }]);
    await expect(appInstance().getMeasures({})).rejects.toThrow(/unexpected response \(no status\)/);
  });

  it("reports a network failure without leaking the request config", async () => {
    const failure = Object.assign(new Error(`socket hang up Bearer ${TOKEN}`), { code: "ECONNRESET" });
    nock(BASE).post("/measure").replyWithError(failure);
    const err = await appInstance().getMeasures({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(TOKEN);
  });

  it("never lets the access token, refresh token or a client secret into an error or a step export", async () => {
    const refresh = "ref_9d8c7b6a5f4e3d2c1b0a";
    const echo = `invalid_token: ${TOKEN} / ${refresh}`;
    mockWithings([{ path: "/measure", body: envelope(401, echo) }]);
    const err = await appInstance({ oauth_refresh_token: refresh }).getMeasures({}).catch((e: unknown) => e);
    const dump = `${err.message} ${err.withingsError} ${JSON.stringify(err)} ${err.stack}`;
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(refresh);
    expect(err.message).toContain("[redacted]");

    // A step with `context` gets platform axios' debug export on HTTP errors, written before our code runs.
    // The server echoes the Authorization header and the raw form body: neither may reach the export.
    const odd = "tok/with+odd=chars~0123";
    const exports: Record<string, unknown> = {};
    const $ = { context: {}, export: (k: string, v: unknown) => { exports[k] = v; } };
    nock(BASE).post("/measure").reply(500, function (_uri, body) {
      return { error: "upstream", auth: this.req.headers.authorization, raw: `${String(body)}&token=${encodeURIComponent(odd)}` };
    });
    await appInstance({ oauth_access_token: odd }).getMeasures({ $ }).catch(() => undefined);
    expect(exports.debug).toMatchObject({ status: 500, data: { error: "upstream", auth: "Bearer [redacted]" } });
    expect((exports.debug as { data: { raw: string } }).data.raw).toBe("action=getmeas&token=[redacted]");
    const dumped = JSON.stringify(exports);
    expect(dumped).not.toContain(odd);
    expect(dumped).not.toContain(encodeURIComponent(odd));

    const secret = "cs_0123456789abcdef";
    mockWithings([{ path: "/v2/oauth2", body: envelope(503, `Invalid Params: invalid client_secret ${secret}`) }]);
    const tokenErr = await appInstance().refreshToken({ clientId: "cid", clientSecret: secret, refreshToken: refresh }).catch((e: unknown) => e);
    expect(tokenErr).toBeInstanceOf(WithingsInvalidParamsError);
    expect(`${tokenErr.message}${JSON.stringify(tokenErr)}`).not.toMatch(new RegExp(`${secret}|${refresh}`));
  });
});
