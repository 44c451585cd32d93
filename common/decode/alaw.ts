/**
 * G.711 A-law expansion (ITU-T G.711, table 1a). Each 8-bit code is a sign bit, a 3-bit segment and a
 * 4-bit step, transmitted with the even bits inverted (XOR 0x55). The result is the standard's decoder
 * output value on the 16-bit linear scale (the 13-bit value shifted left by 3): ±8 … ±32256.
 */
export function alawToLinear(code: number): number {
  const a = (code & 0xff) ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let magnitude = ((a & 0x0f) << 4) + (segment === 0 ? 8 : 0x108);
  if (segment > 1) magnitude <<= segment - 1;
  // Bit 7 set means positive in A-law.
  return a & 0x80 ? magnitude : -magnitude;
}

/** All 256 codes expanded once. */
const TABLE: Int16Array = Int16Array.from({ length: 256 }, (_, code) => alawToLinear(code));

/** Expands A-law codes (bytes 0–255; signed bytes −128…−1 are read as 128…255) into 16-bit PCM. */
export function decodeAlaw(codes: ArrayLike<number>): Int16Array {
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i += 1) out[i] = TABLE[codes[i] & 0xff];
  return out;
}

/** The A-law code of silence closest to zero (+8). */
export const ALAW_SILENCE = 0xd5;
