import { WithingsResponseError } from "./errors";

/**
 * Shape checks for successful Withings responses. A `status: 0` reply that lacks the list it was asked
 * for, or carries it in the wrong shape (`null`, an object, a list of strings), is a broken reply, not an
 * empty result: treating it as empty would, for a polling source, move the cursor past records never seen.
 * Errors name the action and the key, never the values (a hostile reply may echo a secret).
 */

/** What the items of a list must be: records (plain objects), numbers, or anything. */
export type ItemKind = "object" | "number" | "any";

/** A word for what was found, with no value in it. */
function kindOf(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const ITEM_CHECK: Record<ItemKind, (v: unknown) => boolean> = {
  object: isRecord,
  number: (v) => typeof v === "number" && Number.isFinite(v),
  any: () => true,
};

function broken(action: string, what: string): WithingsResponseError {
  return new WithingsResponseError(`Withings ${action} returned ${what}. Nothing was read from this response; `
    + "try again later, and if it keeps happening Withings may have changed this endpoint.", 0, "response", action);
}

/** The `body` of a successful reply, which must be an object. */
export function bodyOf(body: unknown, action: string): Record<string, unknown> {
  if (!isRecord(body)) throw broken(action, `${kindOf(body)} instead of a response body`);
  return body;
}

/**
 * A body that is itself one record (e.g. Notify Get's subscription): an object carrying at least one of `fields`.
 * An empty or unrelated object is a broken reply, not a record with every field missing.
 */
export function recordBody<T>(body: unknown, action: string, fields: readonly string[]): T {
  const record = bodyOf(body, action);
  if (!fields.some((f) => record[f] !== undefined)) throw broken(action, `a body without the record's ${fields.join(" or ")}`);
  return record as T;
}

/**
 * The list `key` of a response body, e.g. `listOf<MeasureGroup>(body, "measuregrps", "getmeas")`.
 * Throws a WithingsResponseError when the body is not an object, the key is missing, or its value is
 * not a list whose every item is of `items` kind (records by default). An empty list is fine.
 *
 * Polling sources: call it on every page before emitting or moving the cursor, e.g.
 * `for (const r of listOf<Workout>(page, "series", "getworkouts")) ...`; the error leaves the cursor
 * where it was and the next poll reads the same window again.
 */
export function listOf<T>(body: unknown, key: string, action: string, { items = "object" }: { items?: ItemKind } = {}): T[] {
  const value = bodyOf(body, action)[key];
  if (!Array.isArray(value)) throw broken(action, `${kindOf(value)} where the "${key}" list belongs`);
  const check = ITEM_CHECK[items];
  const bad = value.findIndex((v) => !check(v));
  if (bad >= 0) throw broken(action, `a "${key}" list whose item ${bad} is ${kindOf(value[bad])}, not ${items === "object" ? "a record" : `a ${items}`}`);
  return value as T[];
}

/**
 * The keyed record `key` of a response body (intraday `series` by timestamp, `goals`), which Withings
 * sends as `[]` when empty. Returns `{}` for `[]`; throws like `listOf` for anything else that is not
 * an object, or when a value is not of `values` kind.
 */
export function recordOf<T>(body: unknown, key: string, action: string,
  { values = "any" }: { values?: ItemKind } = {}): Record<string, T> {
  const value = bodyOf(body, action)[key];
  if (Array.isArray(value) && value.length === 0) return {};
  if (!isRecord(value)) throw broken(action, `${kindOf(value)} where the "${key}" record belongs`);
  const check = ITEM_CHECK[values];
  const bad = Object.keys(value).find((k) => !check(value[k]));
  if (bad !== undefined) throw broken(action, `a "${key}" record with an entry that is ${kindOf(value[bad])}`);
  return value as Record<string, T>;
}
