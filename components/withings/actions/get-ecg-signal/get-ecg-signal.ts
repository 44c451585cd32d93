import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { READ_ONLY, stepOf, validate } from "../../common/component";
import { decodeEcgSignal, type DecodedEcgSignal } from "../../../../common/decode/heart";
import { parseInteger } from "../../../../common/inputs";
import { listOf } from "../../../../common/shape";
import type { HeartGetBody } from "../../../../common/types";

function parseSignalId(v: unknown): number {
  return parseInteger(v, "signalId", {
    min: 1, max: Number.MAX_SAFE_INTEGER, what: "the positive whole-number signalid of an ECG recording (e.g. 123456789)",
  });
}

export default defineAction({
  key: "withings-get-ecg-signal",
  name: "Get ECG Signal",
  description: "Get the waveform of one ECG recording: the samples in microvolts, the sampling frequency, "
    + "duration, wear position and heart rate. Find the `signalid` with List ECG Recordings. [See the documentation](https://developer.withings.com/api-reference/#tag/heart/operation/heartv2-get)",
  version: "0.0.1",
  type: "action",
  annotations: READ_ONLY,
  props: {
    withings,
    signalId: { propDefinition: [withings, "signalId"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedEcgSignal> {
    const $ = stepOf(opts);
    const signalid = validate(() => parseSignalId(this.signalId));
    const body: HeartGetBody = await this.withings.getHeartSignal({ $, signalid });
    listOf<number>(body, "signal", "get", { items: "number" });
    const out = decodeEcgSignal(body, signalid);
    const rate = out.sampling_frequency === null ? "an unknown frequency" : `${out.sampling_frequency} Hz`;
    const length = out.duration_seconds === null ? "" : ` (${out.duration_seconds} s)`;
    $.export("$summary", `Retrieved ECG signal ${signalid}: ${out.sample_count} samples at ${rate}${length}`);
    return out;
  },
});
