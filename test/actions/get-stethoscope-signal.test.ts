import { existsSync, readFileSync, rmSync } from "node:fs";
import { ConfigurationError } from "@pipedream/platform";
import action from "../../components/withings/actions/get-stethoscope-signal/get-stethoscope-signal";
import app from "../../components/withings/withings.app";
import { WithingsResponseError } from "../../common/errors";
import { loadFixture } from "../helpers/fixtures";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { appInstance, runAction } from "../helpers/context";
import { itMapsErrorEnvelopes } from "../helpers/action-cases";

afterEach(resetHttp);

/** The PCM samples of a 44-byte-header WAV file. */
function wavSamples(path: string): { rate: number; channels: number; bits: number; samples: number[] } {
  const wav = readFileSync(path);
  expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
  expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
  const n = wav.readUInt32LE(40) / 2;
  return {
    rate: wav.readUInt32LE(24), channels: wav.readUInt16LE(22), bits: wav.readUInt16LE(34),
    samples: Array.from({ length: n }, (_, i) => wav.readInt16LE(44 + 2 * i)),
  };
}

describe("Get Stethoscope Signal", () => {
  it("posts get to /v2/stetho with the signalid, decodes the metadata and writes a playable WAV", async () => {
    const fixture = loadFixture("stethov2-get");
    const http = mockWithings([{ path: "/v2/stetho", body: fixture }]);
    const { result, summary } = await runAction(action, { signalId: 187000004 });

    expect(http.requests).toHaveLength(1);
    const [req] = http.requests;
    expect(req.path).toBe("/v2/stetho");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(req.form).toEqual({ action: "get", signalid: "187000004" });

    expect(result).toEqual({
      signalid: 187000004, model: 44, model_name: "BPM Core", frequency: 4000, duration: 10, duration_seconds: 0.01,
      sample_count: 20, format: 1, size: 20, resolution: 8, channel: 1, position: 18, position_name: "mitral_area",
      vhd: 0, vhd_result: "negative", encoding: "G.711 A-law", invalid_samples: 0, signal: fixture.body.signal,
      audio: {
        wav_path: "/tmp/withings-stetho-187000004.wav", sample_rate: 4000, channels: 1, bits_per_sample: 16,
        bytes: 44 + 40, sample_rate_assumed: false,
      },
    });
    expect(summary).toBe("Retrieved stethoscope signal 187000004: 0.01 s at 4000 Hz, VHD negative; audio saved to /tmp/withings-stetho-187000004.wav");

    const wav = wavSamples(result.audio.wav_path);
    expect([wav.rate, wav.channels, wav.bits]).toEqual([4000, 1, 16]);
    // A-law codes expanded per G.711: ±8, ±24, ±5504, ±32256, 848, -848, then the digital milliwatt.
    expect(wav.samples).toEqual([
      8, -8, 24, -24, 5504, -5504, 32256, -32256, 848, -848,
      -8960, -20992, -20992, -8960, 8960, 20992, 20992, 8960, 8, 8,
    ]);
  });

  it("plays a missing frequency at 4 kHz, says so, and keeps unknown codes", async () => {
    mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-get-unknown-nulls") }]);
    const { result, summary } = await runAction(action, { signalId: "98001" });
    expect(result).toMatchObject({
      frequency: null, invalid_samples: 2, model_name: "BeamO", position_name: "position_99", vhd_result: "vhd_9",
      audio: { sample_rate: 4000, sample_rate_assumed: true },
    });
    expect(wavSamples(result.audio.wav_path).samples).toEqual([8, 8, 8, 8, -8]);
    expect(summary).toMatch(/^Retrieved stethoscope signal 98001: 0 s at 4000 Hz, VHD vhd_9; audio saved to /);
  });

  it.each([
    ["a list in JSON text", "[213, 85]", [8, -8]],
    ["base64 text", Buffer.from([213, 85]).toString("base64"), [8, -8]],
  ])("reads a signal sent as %s", async (_what, signal, samples) => {
    mockWithings([{ path: "/v2/stetho", body: { status: 0, body: { signal, frequency: 4000 } } }]);
    const { result } = await runAction(action, { signalId: 187000004 });
    expect(result).toMatchObject({ sample_count: 2, invalid_samples: 0, signal });
    expect(wavSamples(result.audio.wav_path).samples).toEqual(samples);
  });

  it.each([
    ["no signal", { frequency: 4000 }, /returned nothing where the "signal" list belongs/],
    ["a null signal", { signal: null }, /returned null where the "signal" list belongs/],
    ["a signal that is an object", { signal: { 0: 213 } }, /returned an object where the "signal" list belongs/],
    ["a signal holding text", { signal: [213, "85"] }, /returned a "signal" list whose item 1 is a string, not a number/],
    ["a null body", null, /returned nothing where the "signal" list belongs/],
    ["a body that is text", "[213]", /returned a string instead of a response body/],
  ])("refuses a reply with %s with a WithingsResponseError, writing no file", async (_what, body, message) => {
    const wavPath = "/tmp/withings-stetho-187000555.wav";
    rmSync(wavPath, { force: true });
    mockWithings([{ path: "/v2/stetho", body: { status: 0, body } }]);
    const err = await runAction(action, { signalId: 187000555 }).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/^Withings get /);
    expect(err.message).toMatch(message);
    expect(existsSync(wavPath)).toBe(false);
  });

  it.each([
    [undefined], [null], [""], [0], [-4], [1.5], ["12abc"], ["1e3"], ["0x10"], ["+5"], [Number.MAX_SAFE_INTEGER + 2], [true], [[5]],
  ])("refuses signalId %j with a ConfigurationError naming signalId, before any request", async (signalId) => {
    const http = mockWithings([]);
    const err = await runAction(action, { signalId }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"signalId"');
    expect(http.requests).toHaveLength(0);
  });

  itMapsErrorEnvelopes(action, { path: "/v2/stetho", withingsAction: "get", props: { signalId: 187000004 } });
});

describe("stethoSignalId options", () => {
  const options = (app.propDefinitions as any).stethoSignalId.options as (this: unknown, a: { prevContext?: unknown }) => Promise<any>;

  it("lists recent recordings as labelled signal ids and pages through them", async () => {
    const http = mockWithings([
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-1") },
      { path: "/v2/stetho", body: loadFixture("stethov2-list-page-2") },
    ]);
    const withings = appInstance();
    const first = await options.call(withings, { prevContext: {} });
    expect(http.requests[0].path).toBe("/v2/stetho");
    expect(http.requests[0].form).toEqual({ action: "list" });
    expect(http.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first).toEqual({
      options: [
        { label: "2026-11-20 09:05 · VHD negative", value: 187000004 },
        { label: "2026-11-17 10:05 · VHD positive", value: 187000003 },
      ],
      context: { offset: 2 },
    });
    const second = await options.call(withings, { prevContext: first.context });
    expect(http.requests[1].form).toEqual({ action: "list", offset: "2" });
    expect(second.options.map((o: any) => o.value)).toEqual([187000002, 187000001]);
    expect(second.context).toEqual({ done: true });
    expect(await options.call(withings, { prevContext: second.context })).toEqual([]);
    expect(http.requests).toHaveLength(2);
  });

  it("labels unknown results without throwing", async () => {
    mockWithings([{ path: "/v2/stetho", body: loadFixture("stethov2-list-unknown-nulls") }]);
    const res = await options.call(appInstance(), {});
    expect(res.options).toEqual([
      { label: "2026-11-19 09:05 · VHD vhd_7", value: 187000010 },
      { label: "2026-11-19 08:10 · no VHD result", value: 187000011 },
    ]);
  });
});
