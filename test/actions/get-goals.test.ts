import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-goals/get-goals";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(resetHttp);

describe("Get Goals", () => {
  it("posts getgoals to /v2/user with only the action and the Bearer token, and decodes the goals", async () => {
    const http = mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getgoals") }]);
    const { result, summary } = await runAction(action, {});

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/user");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "getgoals" });

    expect(result).toEqual({ steps: 10000, sleep_seconds: 28800, weight: 70.5, weight_unit: "kg" });
    expect(summary).toBe("Goals: 10000 steps, 8 h sleep, weight 70.5 kg");
  });

  it("gives the weight goal in pounds for imperial", async () => {
    mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getgoals") }]);
    const { result, summary } = await runAction(action, { unitSystem: "imperial" });
    expect(result).toEqual({ steps: 10000, sleep_seconds: 28800, weight: 155.43, weight_unit: "lb" });
    expect(summary).toBe("Goals: 10000 steps, 8 h sleep, weight 155.43 lb");
  });

  it("handles goals: [] (no goals set)", async () => {
    mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getgoals-empty") }]);
    const { result, summary } = await runAction(action, {});
    expect(result).toEqual({ steps: null, sleep_seconds: null, weight: null, weight_unit: null });
    expect(summary).toBe("No goals set");
  });

  it("leaves goals the user has not set null", async () => {
    mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getgoals-partial") }]);
    const { result, summary } = await runAction(action, {});
    expect(result).toEqual({ steps: 7500, sleep_seconds: 27000, weight: null, weight_unit: null });
    expect(summary).toBe("Goals: 7500 steps, 7.5 h sleep");
  });

  it("refuses an unknown unit system with a ConfigurationError naming unitSystem, before any request", async () => {
    const http = mockWithings([]);
    const err = await runAction(action, { unitSystem: "stones" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"unitSystem"');
    expect(http.requests).toHaveLength(0);
  });

  itMapsErrorEnvelopes(action, { path: "/v2/user", withingsAction: "getgoals", props: {} });
});
