import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-ecg-signal/get-ecg-signal";
import app from "../../components/withings/withings.app";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { appInstance, runAction } from "../helpers/context";
import { itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(resetHttp);

describe("Get ECG Signal", () => {
  it("posts get to /v2/heart with the signalid and the Bearer token, and decodes the waveform", async () => {
    const http = mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-get") }]);
    const { result, summary } = await runAction(action, { signalId: 412876530 });

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/heart");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "get", signalid: "412876530" });

    expect(result).toEqual({
      signalid: 412876530, sampling_frequency: 300, sample_count: 12, duration_seconds: 0.04,
      wearposition: 1, wearposition_name: "left_wrist", model: 93, model_name: "ScanWatch", heart_rate: 68,
      signal: [-12, -8, 3, 41, 182, 404, 251, 37, -58, -41, -17, -6],
    });
    expect(summary).toBe("Retrieved ECG signal 412876530: 12 samples at 300 Hz (0.04 s)");
  });

  it("reports a full 30 s recording", async () => {
    const full = loadFixture("heartv2-get");
    full.body.signal = Array.from({ length: 9000 }, (_, i) => (i % 300) - 150);
    mockWithings([{ path: "/v2/heart", body: full }]);
    const { result, summary } = await runAction(action, { signalId: "123456" });
    expect(result).toMatchObject({ signalid: 123456, sample_count: 9000, duration_seconds: 30 });
    expect(result.signal).toHaveLength(9000);
    expect(summary).toBe("Retrieved ECG signal 123456: 9000 samples at 300 Hz (30 s)");
  });

  it("keeps unknown positions and a missing frequency without throwing", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-get-unknown-nulls") }]);
    const { result, summary } = await runAction(action, { signalId: 98001 });
    expect(result).toMatchObject({
      sampling_frequency: null, duration_seconds: null, wearposition_name: "position_99", model: null, model_name: null, heart_rate: null,
    });
    expect(summary).toBe("Retrieved ECG signal 98001: 4 samples at an unknown frequency");
  });

  it.each([
    [undefined], [null], [""], [0], [-4], [1.5], ["12abc"], ["1e3x"], [Number.MAX_SAFE_INTEGER + 2], [true],
  ])("refuses signalId %j with a ConfigurationError naming signalId, before any request", async (signalId) => {
    const http = mockWithings([]);
    const err = await runAction(action, { signalId }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"signalId"');
    expect(http.requests).toHaveLength(0);
  });

  itMapsErrorEnvelopes(action, { path: "/v2/heart", withingsAction: "get", props: { signalId: 412876530 } });
});

describe("signalId options", () => {
  const options = (app.propDefinitions as any).signalId.options as (this: unknown, a: { prevContext?: unknown }) => Promise<any>;

  it("lists recent recordings as labelled signal ids and pages through them", async () => {
    const http = mockWithings([
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-1") },
      { path: "/v2/heart", body: loadFixture("heartv2-list-page-2") },
    ]);
    const withings = appInstance();
    const first = await options.call(withings, { prevContext: {} });
    expect(http.requests[0].form).toEqual({ action: "list" });
    expect(http.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first).toEqual({
      options: [
        { label: "2026-11-20 07:42 · AFib negative · 68 bpm", value: 412876530 },
        { label: "2026-11-17 18:05 · AFib inconclusive · 71 bpm", value: 412650112 },
      ],
      context: { offset: 2 },
    });
    const second = await options.call(withings, { prevContext: first.context });
    expect(http.requests[1].form).toEqual({ action: "list", offset: "2" });
    expect(second.options.map((o: any) => o.value)).toEqual([412301877, 412200450]);
    expect(second.context).toEqual({ done: true });

    const third = await options.call(withings, { prevContext: second.context });
    expect(third).toEqual([]);
    expect(http.requests).toHaveLength(2);
  });

  it("skips recordings without an ECG", async () => {
    mockWithings([{ path: "/v2/heart", body: loadFixture("heartv2-list-unknown-nulls") }]);
    const res = await options.call(appInstance(), {});
    expect(res.options).toEqual([{ label: "2026-11-19 14:53 · AFib afib_7", value: 412990001 }]);
  });
});
