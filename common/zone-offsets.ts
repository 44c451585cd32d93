/**
 * UTC offsets of a time zone, fast. Intl tells the offset at one instant for about 10 µs; decoding
 * thousands of records would spend most of its time there. After the first calls in a zone, this
 * builds the zone's offset spans for a 52-week chunk at a time (a probe a week, then a binary search to
 * the second around each change: about 90 Intl calls a chunk) and answers from them. Exact for every
 * zone whose offset does not change twice within one week.
 */
const WEEK = 7 * 86_400;
const CHUNK = 52 * WEEK;
/** Below this many lookups in a zone, asking Intl each time is cheaper than building spans. */
const DIRECT_LOOKUPS = 128;

interface Span {
  /** Unix seconds, inclusive. */
  from: number;
  offset: number;
}

export class ZoneOffsets {
  private lookups = 0;
  private readonly chunks = new Map<number, Span[]>();

  constructor(private readonly exact: (epoch: number) => number) {}

  offset(epoch: number): number {
    const t = Math.floor(epoch);
    if (this.lookups < DIRECT_LOOKUPS) {
      this.lookups += 1;
      return this.exact(t);
    }
    const index = Math.floor(t / CHUNK);
    let spans = this.chunks.get(index);
    if (!spans) this.chunks.set(index, (spans = this.build(index * CHUNK)));
    // The last span starting at or before t (a chunk holds a handful of spans).
    let found = spans[0];
    for (const s of spans) {
      if (s.from > t) break;
      found = s;
    }
    return found.offset;
  }

  private build(start: number): Span[] {
    const spans: Span[] = [{ from: start, offset: this.exact(start) }];
    let prev = start;
    let prevOffset = spans[0].offset;
    for (let probe = start + WEEK; probe <= start + CHUNK; probe += WEEK) {
      const offset = this.exact(probe);
      if (offset !== prevOffset) {
        // The first second in (prev, probe] with the new offset.
        let lo = prev;
        let hi = probe;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.exact(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        spans.push({ from: hi, offset });
        prevOffset = offset;
      }
      prev = probe;
    }
    return spans;
  }
}
