import { fromStored, furthest, LAG_GUARD, nextSince, OVERLAP, toStored } from "../../components/withings/sources/common/cursor";
import { MostRecent, type PolledEvent } from "../../components/withings/sources/common/events";
import { mergePendingDays, storedPendingDays } from "../../components/withings/sources/common/days";
import { latestModified } from "../../components/withings/sources/common/polling";
import { rememberSeen, storedSeen } from "../../components/withings/sources/common/seen";

const ev = (id: string, time: number): PolledEvent => ({ id, time, summary: id, event: { id } });

describe("stored cursor", () => {
  it("stays a bare number unless a window is open, and reads back what it wrote", () => {
    expect(toStored({ since: 100 })).toBe(100);
    const open = { since: 100, window: { opened: 200, offset: "x7", pages: 3, until: 190, latest: 150 } };
    expect(fromStored(JSON.parse(JSON.stringify(toStored(open))))).toEqual(open);
    expect(fromStored(100)).toEqual({ since: 100 });
  });

  it("drops what it cannot use instead of failing on it", () => {
    expect(fromStored(undefined)).toBeUndefined();
    expect(fromStored("100")).toBeUndefined();
    expect(fromStored({ since: Number.NaN })).toBeUndefined();
    expect(fromStored({ since: 5, window: { opened: 1, pages: 1 } })).toEqual({ since: 5 }); // no offset: no window
  });
});

describe("furthest", () => {
  const at = (since: number, pages?: number) => (pages === undefined ? { since } : { since, window: { opened: 0, offset: 1, pages } });
  it("keeps the larger since, then the more pages into the same window", () => {
    expect(furthest(at(10), at(5))).toEqual(at(10));
    expect(furthest(at(5), at(10))).toEqual(at(10));
    expect(furthest(at(5, 3), at(5, 2))).toEqual(at(5, 3));
    expect(furthest(at(5, 2), at(5, 3))).toEqual(at(5, 3));
    expect(furthest(at(5), at(5, 1))).toEqual(at(5, 1));
    expect(furthest(at(5, 1), at(5))).toEqual(at(5, 1));
    expect(furthest(undefined, at(1))).toEqual(at(1));
  });
});

describe("nextSince", () => {
  const opened = 1_000_000;
  it("is the read time minus the overlap when nothing was read", () => {
    expect(nextSince(0, opened, undefined)).toBe(opened - OVERLAP);
  });
  it("is the latest change read when it is older than a minute before the read: a big sync is not read again", () => {
    expect(nextSince(0, opened, opened - 120)).toBe(opened - 120);
  });
  it("re-reads the last minute when the latest change is that recent, and never goes before since", () => {
    expect(nextSince(0, opened, opened - 5)).toBe(opened - LAG_GUARD);
    expect(nextSince(0, opened, opened + 30)).toBe(opened - LAG_GUARD); // Withings' clock ahead of ours
    expect(nextSince(opened, opened, opened - 600)).toBe(opened);
  });
});

describe("MostRecent", () => {
  it("keeps the n latest events at or after `from`, oldest first, one per id", () => {
    const r = new MostRecent(3, 100);
    for (const [id, t] of [["a", 50], ["b", 150], ["c", 400], ["d", 200], ["e", 300], ["c", 400], ["f", 120]] as const) r.add(ev(id, t));
    expect(r.events().map((e) => e.id)).toEqual(["d", "e", "c"]);
  });
});

describe("pending days", () => {
  const day = (date: string, deviceid: string | null, modified: number) =>
    ({ date, deviceid, modelid: deviceid ? 93 : 1055, modified, timezone: "Europe/Paris" }) as never;
  it("keeps one row per day and device, the latest version", () => {
    const merged = mergePendingDays([day("2026-11-20", "w", 1), day("2026-11-20", null, 5)], [day("2026-11-20", "w", 3)],
      [day("2026-11-20", "w", 2), day("2026-11-21", "w", 1)]);
    expect(merged.map((a: any) => [a.date, a.deviceid, a.modified])).toEqual([
      ["2026-11-20", "w", 3], ["2026-11-20", null, 5], ["2026-11-21", "w", 1],
    ]);
  });
  it("reads a damaged stored list as the rows it can use", () => {
    expect(storedPendingDays("x")).toEqual([]);
    expect(storedPendingDays([day("2026-11-20", "w", 1), { date: 1 }, { date: "today" }, null])).toEqual([day("2026-11-20", "w", 1)]);
  });
});

test("latestModified ignores records without a usable modified", () => {
  expect(latestModified([{ modified: 5 }, { modified: "9" }, null, { modified: 7 }, {}])).toBe(7);
  expect(latestModified([])).toBeUndefined();
});

describe("seen ids", () => {
  it("keeps one entry per id, drops those older than `from`, and the most recent `max`", () => {
    const stored: Array<[string, number]> = [["a", 10], ["b", 20], ["c", 30]];
    expect(rememberSeen(stored, [["d", 40], ["a", 11]], { max: 3 })).toEqual([["d", 40], ["c", 30], ["b", 20]]);
    expect(rememberSeen(stored, [["d", 40]], { from: 25 })).toEqual([["d", 40], ["c", 30]]);
  });
  it("reads a damaged stored list as the entries it can use", () => {
    expect(storedSeen([["a", 1], ["b"], [2, 3], "x", ["c", Number.NaN]])).toEqual([["a", 1]]);
    expect(storedSeen({})).toEqual([]);
  });
});
