import action from "../../components/withings/actions/list-devices/list-devices";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(resetHttp);

describe("List Devices", () => {
  it("posts getdevice to /v2/user with only the action and the Bearer token, and decodes every device", async () => {
    const http = mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getdevice") }]);
    const { result, summary } = await runAction(action, {});

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/user");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "getdevice" });

    expect(result).toHaveLength(3);
    expect(result[0]).toEqual({
      type: "Scale", model: "Body Scan", model_id: 10, battery: "high",
      deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5", hash_deviceid: "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5",
      timezone: "Europe/Paris", first_session_date: 1740906000, first_session_date_iso: "2025-03-02T10:00:00+01:00",
      last_session_date: 1795156920, last_session_date_iso: "2026-11-20T07:42:00+01:00",
    });
    expect(result[1]).toMatchObject({ type: "Activity Tracker", model: "ScanWatch 2", battery: "medium" });
    // Withings sends an empty model name for the Sleep Analyzer.
    expect(result[2]).toMatchObject({ model: "Sleep Analyzer", model_id: 13, last_session_date: null, last_session_date_iso: null });
    expect(summary).toBe("Found 3 devices");
  });

  it("keeps unknown models, missing zones and null dates without throwing", async () => {
    mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getdevice-unknown-nulls") }]);
    const { result, summary } = await runAction(action, {});
    expect(result[0]).toMatchObject({
      model: "Device Model 4242", battery: "unknown", timezone: null, first_session_date_iso: null, hash_deviceid: null,
    });
    expect(result[1]).toMatchObject({ model: null, model_id: null, deviceid: null, battery: null });
    expect(summary).toBe("Found 2 devices");
  });

  it("returns an empty list when no device is linked", async () => {
    mockWithings([{ path: "/v2/user", body: loadFixture("userv2-getdevice-empty") }]);
    const { result, summary } = await runAction(action, {});
    expect(result).toEqual([]);
    expect(summary).toBe("Found 0 devices");
  });

  itMapsErrorEnvelopes(action, { path: "/v2/user", withingsAction: "getdevice", props: {} });
});
