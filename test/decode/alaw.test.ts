import { alawToLinear, decodeAlaw } from "../../common/decode/alaw";

/**
 * Pairs read from ITU-T G.711 table 1a (A-law): the transmitted character and the decoder output
 * value, here on the 16-bit scale (the table's value × 8, so ±1 … ±4032 become ±8 … ±32256).
 */
const G711_PAIRS: Array<[number, number]> = [
  [0xd5, 8], [0x55, -8], // smallest step either side of zero
  [0xd4, 24], [0xd7, 40], [0xda, 248], // segment 1, steps 1, 2 and the last one
  [0xc5, 264], [0x45, -264], // first value of segment 2
  [0xf5, 528], // first value of segment 3
  [0xe5, 1056], // segment 4
  [0x95, 2112], // segment 5
  [0x85, 4224], // segment 6
  [0xb5, 8448], // segment 7
  [0xa5, 16896], [0xa4, 17920], [0xaa, 32256], [0x2a, -32256], // segment 8, up to the largest value
  [0x80, 5504], [0x00, -5504], [0xff, 848], [0x7f, -848],
];

describe("G.711 A-law expansion", () => {
  it.each(G711_PAIRS)("decodes code 0x%s to the table's value", (code, linear) => {
    expect(alawToLinear(code)).toBe(linear);
  });

  it("decodes every code to one of the standard's 256 output values, symmetric in the sign bit", () => {
    const allowed = new Set<number>();
    for (let step = 0; step < 16; step += 1) {
      allowed.add(8 + 16 * step);
      for (let seg = 2; seg <= 8; seg += 1) allowed.add((264 + 16 * step) << (seg - 2));
    }
    const outputs = new Set<number>();
    for (let code = 0; code < 256; code += 1) {
      const v = alawToLinear(code);
      expect(allowed.has(Math.abs(v))).toBe(true);
      expect(alawToLinear(code ^ 0x80)).toBe(-v);
      outputs.add(v);
    }
    expect(outputs.size).toBe(256);
  });

  it("grows with the code's segment and step once the even-bit inversion is undone", () => {
    const positives = Array.from({ length: 128 }, (_, m) => alawToLinear((0x80 | m) ^ 0x55));
    for (let m = 1; m < 128; m += 1) expect(positives[m]).toBeGreaterThan(positives[m - 1]);
  });

  it("decodes the A-law digital milliwatt (G.711 table 6) to a 1 kHz sine at 0 dBm0, within one step", () => {
    const dmw = [0x34, 0x21, 0x21, 0x34, 0xb4, 0xa1, 0xa1, 0xb4];
    const pcm = Array.from(decodeAlaw(dmw));
    expect(pcm).toEqual([-8960, -20992, -20992, -8960, 8960, 20992, 20992, 8960]);
    // 0 dBm0 is 3.14 dB below the A-law overload point (4096 on the 13-bit scale).
    const peak = 4096 * 8 * 10 ** (-3.14 / 20);
    pcm.forEach((v, n) => {
      const ideal = -peak * Math.sin((Math.PI * (2 * n + 1)) / 8);
      const step = Math.abs(v) >= 16896 ? 1024 : 512;
      expect(Math.abs(v - ideal)).toBeLessThanOrEqual(step / 2);
    });
  });

  it("reads signed bytes as their unsigned code", () => {
    expect(Array.from(decodeAlaw([-43, 213, -128, 128, -1, 255]))).toEqual([8, 8, 5504, 5504, 848, 848]);
  });
});
