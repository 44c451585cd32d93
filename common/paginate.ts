import { WithingsResponseError } from "./errors";
import type { Paged } from "./types";

export type Offset = number | string | undefined;

/**
 * Follows Withings `more`/`offset` paging and yields each page body, one at a time (a consumer that stops
 * pulling stops the requests). Stops when `more` is falsy; throws when the server asks for more pages with
 * an offset it already gave (which would loop forever), or past `maxPages` when a caller sets one.
 */
export async function* pages<B extends Paged>(
  fetchPage: (offset: Offset) => Promise<B>,
  { maxPages = Infinity, action }: { maxPages?: number; action?: string } = {},
): AsyncGenerator<B> {
  const seen = new Set<string>();
  let offset: Offset;
  for (let n = 1; ; n++) {
    const body = await fetchPage(offset);
    yield body;
    if (!body.more) return;
    const next = body.offset;
    if (next === undefined || next === null || seen.has(String(next)) || String(next) === String(offset)) {
      throw new WithingsResponseError(
        `Withings ${action ?? "request"} asked for another page but the offset did not advance (offset ${String(next)}). `
        + "Stopped to avoid reading the same page forever; try again later.",
        0, "response", action,
      );
    }
    if (n >= maxPages) {
      throw new WithingsResponseError(`Withings ${action ?? "request"} returned more than ${maxPages} pages; narrow the date range.`,
        0, "response", action);
    }
    seen.add(String(next));
    offset = next;
  }
}

/** Yields the items of every page, in server order. */
export async function* items<B extends Paged, T>(
  fetchPage: (offset: Offset) => Promise<B>,
  pick: (body: B) => readonly T[] | undefined,
  opts?: { maxPages?: number; action?: string },
): AsyncGenerator<T> {
  for await (const body of pages(fetchPage, opts)) {
    for (const item of pick(body) ?? []) yield item;
  }
}

/** Gathers at most `max` items, and stops pulling pages once the cap is reached. */
export async function collect<T>(iter: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (max <= 0) return out;
  for await (const item of iter) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
