import { ConfigurationError } from "@pipedream/platform";
import type { ActionRunOptions, Pipedream } from "@pipedream/types";
import { InputError } from "../../../common/errors";
import { nowEpoch } from "../../../common/dates";
import { epochRange, rangeNeedsZone, ZONE_SLACK, type ParsedRange, type SpanLimit } from "../../../common/inputs";

/** `run(options)` is typed optional by @pipedream/types; the platform always passes `$`. */
export function stepOf(opts?: ActionRunOptions): Pipedream {
  if (!opts?.$) throw new Error("run() was called without { $ }");
  return opts.$;
}

/** Runs prop validation and turns an InputError into Pipedream's ConfigurationError, before any request. */
export function validate<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw new ConfigurationError(err.message);
    throw err;
  }
}

/** The user's time zone: the prop if set, else asked from Withings only when a conversion needs it. */
export async function zoneFor(app: { getUserTimezone(a: { $?: unknown }): Promise<string> }, $: unknown,
  explicit: string | undefined, needed: boolean): Promise<string | undefined> {
  if (explicit) return explicit;
  return needed ? app.getUserTimezone({ $ }) : undefined;
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;


/**
 * The unix-seconds window of a startdate/enddate endpoint. A range over `limit` is refused before any
 * request (with slack while the zone is unknown) and exactly once the zone is known.
 */
export async function epochWindow(app: { getUserTimezone(a: { $?: unknown }): Promise<string> }, $: unknown,
  range: ParsedRange, explicitZone: string | undefined, defaultSpan: number,
  limit?: SpanLimit): Promise<{ zone?: string; tz: string; window: { startdate: number; enddate: number } }> {
  const now = nowEpoch();
  const needed = rangeNeedsZone(range, "epoch");
  if (limit) {
    const slack = !explicitZone && needed ? ZONE_SLACK : 0;
    validate(() => epochRange(range, explicitZone ?? "UTC", now, defaultSpan, { ...limit, slack }));
  }
  const zone = await zoneFor(app, $, explicitZone, needed);
  const tz = zone ?? "UTC";
  return { zone, tz, window: validate(() => epochRange(range, tz, now, defaultSpan, limit)) };
}
