/** Shortens a sample output for a page: long lists keep their first items, long strings their start. */
const KEEP_ITEMS = 2;
const KEEP_NUMBERS = 6;
const KEEP_CHARS = 120;

export function trim(value: unknown): unknown {
  if (Array.isArray(value)) {
    const numbers = value.every((v) => typeof v === "number");
    const keep = numbers ? KEEP_NUMBERS : KEEP_ITEMS;
    if (value.length <= keep + 1) return value.map(trim);
    return [...value.slice(0, keep).map(trim), `… ${value.length - keep} more`];
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  }
  if (typeof value === "string" && value.length > KEEP_CHARS) return `${value.slice(0, KEEP_CHARS)}… (${value.length} characters)`;
  return value;
}
