import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { stepOf, validate } from "../../common/component";
import { writeOutputFile } from "../../common/files";
import { decodeAlaw } from "../../../../common/decode/alaw";
import { decodeStethoSignal, type DecodedStethoSignal } from "../../../../common/decode/stetho";
import { wavFromPcm16 } from "../../../../common/decode/wav";
import { STETHO_DEFAULT_FREQUENCY } from "../../../../common/codes/stetho";
import { parseInteger } from "../../../../common/inputs";
import { bodyOf, listOf } from "../../../../common/shape";
import type { StethoGetBody } from "../../../../common/types";

function parseSignalId(v: unknown): number {
  return parseInteger(v, "signalId", {
    min: 1, max: Number.MAX_SAFE_INTEGER, what: "the positive whole-number signalid of a stethoscope recording (e.g. 187000004)",
  });
}

/**
 * Withings documents `signal` as a list of A-law codes (its example shows the list as JSON text, which the
 * decoder reads too). Anything else (missing, null, an object, a list holding non-numbers) is a broken reply.
 */
function checkSignal(body: unknown): void {
  if (typeof bodyOf(body, "get").signal !== "string") listOf<number>(body, "signal", "get", { items: "number" });
}

export interface StethoAudio {
  /** A 16-bit PCM WAV file of the recording, ready to attach or upload. */
  wav_path: string;
  sample_rate: number;
  channels: number;
  bits_per_sample: number;
  bytes: number;
  /** True when Withings sent no frequency and 4 kHz was assumed. */
  sample_rate_assumed: boolean;
}

export default defineAction({
  key: "withings-get-stethoscope-signal",
  name: "Get Stethoscope Signal",
  description: "Get one heart-sound recording of a BPM Core or BeamO: the frequency, duration, stethoscope "
    + "position and valvular heart disease (VHD) result, the samples as Withings sends them (G.711 A-law), and "
    + "a playable WAV file written to `/tmp` (its path is in the output). Find the `signalid` with List "
    + "Stethoscope Recordings. [See the documentation](https://developer.withings.com/api-reference/#tag/stetho/operation/stethov2-get)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    signalId: { propDefinition: [withings, "stethoSignalId"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedStethoSignal & { audio: StethoAudio }> {
    const $ = stepOf(opts);
    const signalid = validate(() => parseSignalId(this.signalId));
    const body: StethoGetBody = await this.withings.getStethoSignal({ $, signalid });
    checkSignal(body);
    const { meta, codes } = decodeStethoSignal(body, signalid);
    const rate = meta.frequency ?? STETHO_DEFAULT_FREQUENCY;
    const wav = wavFromPcm16(decodeAlaw(codes), Math.round(rate), 1);
    const audio: StethoAudio = {
      wav_path: writeOutputFile(`withings-stetho-${signalid}.wav`, wav, $),
      sample_rate: Math.round(rate),
      channels: 1,
      bits_per_sample: 16,
      bytes: wav.length,
      sample_rate_assumed: meta.frequency === null,
    };
    const vhd = meta.vhd_result ? `, VHD ${meta.vhd_result}` : "";
    $.export("$summary", `Retrieved stethoscope signal ${signalid}: ${meta.duration_seconds} s at ${audio.sample_rate} Hz${vhd}; `
      + `audio saved to ${audio.wav_path}`);
    return { ...meta, audio };
  },
});
