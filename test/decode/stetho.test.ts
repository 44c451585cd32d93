import { decodeStethoRecord, decodeStethoSignal, stethoCodes, stethoRecordLabel } from "../../common/decode/stetho";
import { decodeAlaw } from "../../common/decode/alaw";
import { wavFromPcm16 } from "../../common/decode/wav";
import { loadFixture } from "../helpers/fixtures";

describe("decodeStethoRecord", () => {
  it("shows the time in the record's zone, else the given one, and names the VHD result", () => {
    const [paris, noZone] = loadFixture("stethov2-list").body.series;
    expect(decodeStethoRecord(paris, "UTC")).toEqual({
      signalid: 187000004, timestamp: 1795161900, time_iso: "2026-11-20T09:05:00+01:00", timezone: "Europe/Paris",
      hash_deviceid: "892359876fd8805ac45bab078c4828692f0276b1", vhd: 0, vhd_result: "negative",
    });
    expect(decodeStethoRecord(noZone, "Asia/Tokyo")).toMatchObject({
      time_iso: "2026-11-17T18:05:00+09:00", timezone: "Asia/Tokyo", vhd_result: "positive",
    });
  });

  it("keeps unknown and missing codes without throwing", () => {
    const [unknown, missing] = loadFixture("stethov2-list-unknown-nulls").body.series;
    expect(decodeStethoRecord(unknown, "UTC")).toMatchObject({ vhd: 7, vhd_result: "vhd_7", hash_deviceid: null });
    expect(decodeStethoRecord(missing, "UTC")).toMatchObject({ vhd: null, vhd_result: null, timezone: "UTC", hash_deviceid: null });
  });

  it("labels a recording for the signal picker", () => {
    const d = decodeStethoRecord(loadFixture("stethov2-list").body.series[0], "UTC");
    expect(stethoRecordLabel(d)).toBe("2026-11-20 09:05 · VHD negative");
    expect(stethoRecordLabel({ ...d, vhd: null, vhd_result: null })).toBe("2026-11-20 09:05 · no VHD result");
  });
});

describe("stethoCodes", () => {
  it("reads an integer array, signed bytes included", () => {
    expect(Array.from(stethoCodes([0, 213, -43, 255]).codes)).toEqual([0, 213, 213, 255]);
  });

  it("reads a JSON array in a string, base64 text, and a comma list", () => {
    expect(Array.from(stethoCodes("[1,2,213]").codes)).toEqual([1, 2, 213]);
    expect(Array.from(stethoCodes(Buffer.from([213, 85, 170]).toString("base64")).codes)).toEqual([213, 85, 170]);
    expect(Array.from(stethoCodes("1, 2, 3").codes)).toEqual([1, 2, 3]);
  });

  it("turns values that are not bytes into silence and counts them", () => {
    const { codes, invalid } = stethoCodes([213, 300, 1.5, null, "x", 85]);
    expect(Array.from(codes)).toEqual([213, 213, 213, 213, 213, 85]);
    expect(invalid).toBe(4);
  });

  it("gives no samples for a missing or malformed signal", () => {
    expect(stethoCodes(undefined).codes).toHaveLength(0);
    expect(stethoCodes("[1,2").codes).toHaveLength(0);
    expect(stethoCodes("").codes).toHaveLength(0);
  });
});

describe("decodeStethoSignal", () => {
  it("decodes the metadata and keeps the raw samples", () => {
    const body = loadFixture("stethov2-get").body;
    const { meta, codes } = decodeStethoSignal(body, 187000004);
    expect(meta).toEqual({
      signalid: 187000004, model: 44, model_name: "BPM Core", frequency: 4000, duration: 10, duration_seconds: 0.01,
      sample_count: 20, format: 1, size: 20, resolution: 8, channel: 1, position: 18, position_name: "mitral_area",
      vhd: 0, vhd_result: "negative", encoding: "G.711 A-law", invalid_samples: 0, signal: body.signal,
    });
    expect(Array.from(codes)).toEqual(body.signal);
  });

  it("assumes 4 kHz for the duration when the frequency is missing, and names unknown codes", () => {
    const { meta } = decodeStethoSignal(loadFixture("stethov2-get-unknown-nulls").body, 5);
    expect(meta).toMatchObject({
      frequency: null, duration: null, duration_seconds: 0, sample_count: 5, invalid_samples: 2, model_name: "BeamO",
      position_name: "position_99", vhd_result: "vhd_9", channel: null,
    });
  });
});

describe("wavFromPcm16", () => {
  it("writes a 16-bit PCM RIFF header and the samples little-endian", () => {
    const pcm = decodeAlaw([0xd5, 0x55, 0xaa, 0x2a]);
    const wav = wavFromPcm16(pcm, 4000);
    expect(wav).toHaveLength(44 + 8);
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.readUInt32LE(4)).toBe(36 + 8);
    expect(wav.toString("ascii", 8, 16)).toBe("WAVEfmt ");
    expect([wav.readUInt32LE(16), wav.readUInt16LE(20), wav.readUInt16LE(22)]).toEqual([16, 1, 1]);
    expect([wav.readUInt32LE(24), wav.readUInt32LE(28), wav.readUInt16LE(32), wav.readUInt16LE(34)]).toEqual([4000, 8000, 2, 16]);
    expect(wav.toString("ascii", 36, 40)).toBe("data");
    expect(wav.readUInt32LE(40)).toBe(8);
    expect([0, 1, 2, 3].map((i) => wav.readInt16LE(44 + 2 * i))).toEqual([8, -8, 32256, -32256]);
  });

  it("refuses a rate or channel count that is not a positive integer", () => {
    expect(() => wavFromPcm16(new Int16Array(2), 0)).toThrow(RangeError);
    expect(() => wavFromPcm16(new Int16Array(2), 4000, 0)).toThrow(RangeError);
  });
});
