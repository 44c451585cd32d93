import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { stepOf, validate } from "../../common/component";
import { findEcgRecording, writeEcgPicture, type EcgPicture } from "../../common/ecg-picture";
import { decodeEcgSignal, type DecodedEcgRecord, type DecodedEcgSignal } from "../../../../common/decode/heart";
import { parseInteger } from "../../../../common/inputs";
import { listOf } from "../../../../common/shape";
import type { HeartGetBody } from "../../../../common/types";

function parseSignalId(v: unknown): number {
  return parseInteger(v, "signalId", {
    min: 1, max: Number.MAX_SAFE_INTEGER, what: "the positive whole-number signalid of an ECG recording (e.g. 123456789)",
  });
}

export type EcgSignalOutput = DecodedEcgSignal & {
  /** The recording in Heart v2 List (time, AFib result), or null when it was not found. */
  recording: DecodedEcgRecord | null;
  /** The strip chart files; null when the signal has no samples or no frequency. */
  chart: EcgPicture | null;
  chart_note?: string;
};

export default defineAction({
  key: "withings-get-ecg-signal",
  name: "Get ECG Signal",
  description: "Get the waveform of one ECG recording: the samples in microvolts, the sampling frequency, "
    + "duration, wear position and heart rate, plus the trace drawn like a paper ECG (25 mm/s, 10 mm/mV) as SVG "
    + "and PNG files in `/tmp`, ready to attach. Find the `signalid` with List ECG Recordings. [See the documentation](https://developer.withings.com/api-reference/#tag/heart/operation/heartv2-get)",
  version: "0.0.2",
  type: "action",
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    openWorldHint: true,
  },
  props: {
    withings,
    signalId: { propDefinition: [withings, "signalId"] },
  },
  async run(opts?: ActionRunOptions): Promise<EcgSignalOutput> {
    const $ = stepOf(opts);
    const signalid = validate(() => parseSignalId(this.signalId));
    const body: HeartGetBody = await this.withings.getHeartSignal({ $, signalid });
    listOf<number>(body, "signal", "get", { items: "number" });
    const out = decodeEcgSignal(body, signalid);
    const { record, note } = await findEcgRecording(this.withings, $, signalid);
    const chart = await writeEcgPicture(out, record, $);
    const rate = out.sampling_frequency === null ? "an unknown frequency" : `${out.sampling_frequency} Hz`;
    const length = out.duration_seconds === null ? "" : ` (${out.duration_seconds} s)`;
    const files = chart ? `; strip chart ${[chart.svg_path, chart.png_path].filter(Boolean).join(" and ")}` : "";
    $.export("$summary", `Retrieved ECG signal ${signalid}: ${out.sample_count} samples at ${rate}${length}${files}`);
    const notes = [note, chart === null ? "no strip chart: the signal has no samples or no sampling frequency" : undefined].filter(Boolean);
    return { ...out, recording: record, chart, ...(notes.length ? { chart_note: notes.join("; ") } : {}) };
  },
});
