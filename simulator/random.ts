import { createHash, randomBytes } from "node:crypto";

/** Seeded PRNG (mulberry32): the same seed always yields the same demo user. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic 32-bit hash of some values, for data generated on demand. */
export function hash32(...parts: Array<string | number>): number {
  return createHash("sha1").update(parts.join("|")).digest().readUInt32BE(0);
}

/** Deterministic 40-hex id, shaped like Withings' device ids and hashes. */
export function hexId(...parts: Array<string | number>): string {
  return createHash("sha1").update(parts.join("|")).digest("hex");
}

/** A fresh random 40-hex token. */
export function randomToken(): string {
  return randomBytes(20).toString("hex");
}

export const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);
export const intBetween = (r: () => number, lo: number, hi: number) => Math.floor(between(r, lo, hi + 1));
