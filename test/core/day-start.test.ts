/**
 * The first instant of a local day (issue 15, defect 5), against Intl in every IANA zone from 1970 to 2099:
 * around every offset change found in each zone (where a wrong answer can only be), and on sampled days.
 * Intl is the ground truth here, read independently of the library (its `longOffset` names).
 */
import { execFileSync } from "node:child_process";
import { addDays, dayStart, dayStartWith, toEpoch, parseUserDate, ymdInZone } from "../../common/dates";
import { dayBounds } from "../../components/withings/sources/common/days";

const FIRST = Date.UTC(1970, 0, 1) / 1000;
const LAST = Date.UTC(2100, 0, 1) / 1000;

/** Intl's offset of `tz` at an instant, in seconds, read from its `longOffset` name. */
function intlOffset(tz: string): (epoch: number) => number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
  return (epoch) => {
    const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(f.format(new Date(epoch * 1000)));
    if (!m) throw new Error(`no offset for ${tz}`);
    return m[1] ? (m[1] === "-" ? -1 : 1) * (+m[2] * 3600 + +m[3] * 60 + +(m[4] ?? 0)) : 0;
  };
}
const ymdAt = (epoch: number, off: (t: number) => number) => new Date((epoch + off(epoch)) * 1000).toISOString().slice(0, 10);

/**
 * Every offset change of every zone from 1970 to 2099, to the second: [zone, initial offset, [instant, offset]...].
 * Found in a child process that switches `TZ` and asks `Date` (the same ICU data as Intl, about 20 times faster),
 * probing weekly (no zone changes twice within a week) and bisecting each change.
 */
function allChanges(): Array<[string, number, Array<[number, number]>]> {
  const script = `
    const out = [];
    // Whole minutes (rounded, e.g. Monrovia's -0:44:30) to find changes; the wall clock for the exact offset.
    const off = (t) => -new Date(t * 1000).getTimezoneOffset();
    const exact = (t) => {
      const d = new Date(t * 1000);
      return (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) - t * 1000) / 1000;
    };
    for (const tz of Intl.supportedValuesOf("timeZone")) {
      process.env.TZ = tz;
      const changes = [];
      let prev = ${FIRST};
      let prevOff = off(prev);
      const first = exact(prev);
      for (let t = prev + 7 * 86400; prev < ${LAST}; t += 7 * 86400) {
        const probe = Math.min(t, ${LAST});
        const o = off(probe);
        if (o !== prevOff) {
          let lo = prev, hi = probe;
          while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (off(mid) === prevOff) lo = mid; else hi = mid; }
          changes.push([hi, exact(hi)]);
        }
        prev = probe;
        prevOff = o;
      }
      out.push([tz, first, changes]);
    }
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 }));
}

/** A zone's offset from its list of changes. */
function tableOffset(first: number, changes: Array<[number, number]>): (epoch: number) => number {
  return (t) => {
    let lo = 0;
    let hi = changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (changes[mid][0] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? first : changes[lo - 1][1];
  };
}

test("the first instant of every local day is the first instant with that local date, in every IANA zone, 1970-2099", () => {
  const table = allChanges();
  expect(table.length).toBe(Intl.supportedValuesOf("timeZone").length);
  const wrong: string[] = [];
  const skipped: string[] = [];
  let checked = 0;
  let seed = 15;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const [tz, first, changes] of table) {
    const intl = intlOffset(tz);
    const off = tableOffset(first, changes);
    // Only a day whose midnight is within 16 h of a change can start anywhere but at midnight minus the offset.
    const days = new Set<string>();
    for (const [t] of changes) for (const d of [-1, 0, 1]) days.add(new Date((t + d * 86_400) * 1000).toISOString().slice(0, 10));
    for (let i = 0; i < 6; i++) days.add(new Date((FIRST + Math.floor(random() * (LAST - FIRST))) * 1000).toISOString().slice(0, 10));
    for (const ymd of days) {
      if (ymd < "1970-01-02" || ymd > "2099-12-31") continue;
      checked++;
      const start = dayStartWith(ymd, off);
      // Intl decides: the instant before shows an earlier date, the instant itself this date (or a later one
      // when the zone skips the day).
      const at = ymdAt(start, intl);
      if (ymdAt(start - 1, intl) >= ymd || at < ymd) wrong.push(`${tz} ${ymd}: ${new Date(start * 1000).toISOString()}`);
      else if (at > ymd) skipped.push(`${tz} ${ymd}`);
    }
  }
  expect(wrong.slice(0, 20)).toEqual([]);
  expect(checked).toBeGreaterThan(50_000);
  // Only the date-line jumps skip a day.
  expect(skipped).toEqual(expect.arrayContaining(["Pacific/Apia 2011-12-30", "Pacific/Kiritimati 1994-12-31"]));
  expect(skipped.length).toBeLessThan(10);
});

test("the library's cached offsets give the same day starts as exact ones, around changes in sampled zones", () => {
  for (const tz of ["America/Santiago", "Atlantic/Azores", "America/Havana", "Pacific/Apia", "Australia/Lord_Howe", "Asia/Tehran"]) {
    const intl = intlOffset(tz);
    for (let ymd = "2010-01-01"; ymd < "2027-01-01"; ymd = addDays(ymd, 1)) {
      if (dayStart(ymd, tz) !== dayStartWith(ymd, intl)) throw new Error(`${tz} ${ymd}`);
    }
  }
});

describe("days that start at 01:00 or at a repeated midnight", () => {
  const iso = (t: number) => new Date(t * 1000).toISOString();
  it.each([
    // DST starts at midnight: 00:00 does not exist, the day starts at 01:00.
    ["America/Santiago", "2024-09-08", "2024-09-08T04:00:00.000Z"],
    ["America/Havana", "2025-03-09", "2025-03-09T05:00:00.000Z"],
    ["America/Asuncion", "2023-10-01", "2023-10-01T04:00:00.000Z"],
    ["Atlantic/Azores", "2026-03-29", "2026-03-29T01:00:00.000Z"],
    ["America/Scoresbysund", "2026-03-29", "2026-03-29T01:00:00.000Z"],
    // An ordinary fall-back day at 03:00, and one at midnight: its first 00:00 is after the repeated hour of the day before.
    ["Europe/Paris", "2026-10-25", "2026-10-24T22:00:00.000Z"],
    ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00.000Z"],
  ])("%s %s starts at %s, with the library's own offsets", (tz, ymd, expected) => {
    expect(iso(dayStart(ymd, tz))).toBe(expected);
    expect(ymdInZone(dayStart(ymd, tz), tz)).toBe(ymd);
    expect(ymdInZone(dayStart(ymd, tz) - 1, tz)).toBe(addDays(ymd, -1));
  });

  it("a date-only end in Santiago runs to the last second before the next day starts (a 23:30 weigh-in is inside)", () => {
    const end = toEpoch(parseUserDate("2024-09-07", "endDate"), "America/Santiago", true);
    expect(iso(end)).toBe("2024-09-08T03:59:59.000Z"); // 23:59:59 -04:00
    expect(toEpoch(parseUserDate("2024-09-08", "startDate"), "America/Santiago")).toBe(end + 1);
  });

  it("an Azores activity day ends when the next local day starts", () => {
    const { start, end } = dayBounds({ date: "2026-03-28", timezone: "Atlantic/Azores" } as never);
    expect([iso(start), iso(end)]).toEqual(["2026-03-28T01:00:00.000Z", "2026-03-29T01:00:00.000Z"]);
  });
});
