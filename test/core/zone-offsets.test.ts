import { ZoneOffsets } from "../../common/zone-offsets";

/** The slow, exact offset from Intl, as dates.ts computes it. */
function intlOffset(tz: string) {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
  return (epoch: number) => {
    const p: Record<string, number> = {};
    for (const { type, value } of f.formatToParts(new Date(epoch * 1000))) if (type !== "literal") p[type] = Number(value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - epoch;
  };
}

describe("ZoneOffsets", () => {
  // DST in both hemispheres, a 30-minute zone, a 45-minute zone, Morocco's Ramadan suspension, no DST at all.
  const zones = ["Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu",
    "Africa/Casablanca", "Asia/Tokyo", "UTC"];

  it.each(zones)("agrees with Intl to the second around every transition and at random instants in %s", (tz) => {
    const exact = intlOffset(tz);
    let calls = 0;
    const z = new ZoneOffsets((t) => {
      calls += 1;
      return exact(t);
    });
    const from = Date.UTC(2022, 0, 1) / 1000;
    const to = Date.UTC(2026, 0, 1) / 1000;
    // Random instants first (the first lookups in a zone go straight to Intl), then every transition in the
    // range, found independently by an hourly scan, to the second on both sides.
    const checks: number[] = [];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      checks.push(from + (seed % (to - from)));
    }
    for (let t = from; t < to; t += 3600) if (exact(t) !== exact(t + 3600)) checks.push(t, t + 3599, t + 3600);
    for (const t of checks) expect([t, z.offset(t)]).toEqual([t, exact(t)]);
    // The point: far fewer Intl calls than lookups once a zone is busy.
    expect(calls).toBeLessThan(checks.length);
  });
});
