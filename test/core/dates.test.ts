import { InputError } from "../../common/errors";
import { addDays, isoInZone, parseUserDate, toEpoch, toYmd, ymdInZone, zonedEpoch, zoneOffsetSeconds } from "../../common/dates";
import { chunkRange, epochRange, parseDataFields, parseRange, ymdRange } from "../../common/inputs";

describe("parseUserDate", () => {
  it.each([
    ["2026-11-20", { kind: "local", ymd: "2026-11-20", secondsOfDay: 0, dateOnly: true }],
    ["2026-11-20T07:42", { kind: "local", ymd: "2026-11-20", secondsOfDay: 27720, dateOnly: false }],
    ["2026-11-20T07:42:00+01:00", { kind: "instant", epoch: 1795156920 }],
    ["2026-11-20T06:42:00Z", { kind: "instant", epoch: 1795156920 }],
    ["2026-11-20T06:42:00.250Z", { kind: "instant", epoch: 1795156920 }],
    ["1795156920", { kind: "instant", epoch: 1795156920 }],
    [1795156920, { kind: "instant", epoch: 1795156920 }],
  ])("parses %j", (input, expected) => {
    expect(parseUserDate(input, "startDate")).toEqual(expected);
  });

  it.each(["tomorrow", "2026-13-01", "2026-02-29", "2026-11-20T25:00", "20/11/2026", "", 1795156920000, -5])(
    "refuses %j with an InputError naming the prop", (input) => {
      expect(() => parseUserDate(input, "endDate")).toThrow(InputError);
      expect(() => parseUserDate(input, "endDate")).toThrow(/^Invalid "endDate": /);
    },
  );
});

describe("time zones", () => {
  it("finds the user's day, not the UTC day", () => {
    // 23:30 UTC on the 20th is already the 21st in Paris and still the 20th in New York.
    const t = Date.UTC(2026, 10, 20, 23, 30) / 1000;
    expect(ymdInZone(t, "Europe/Paris")).toBe("2026-11-21");
    expect(ymdInZone(t, "America/New_York")).toBe("2026-11-20");
    expect(ymdInZone(t, "UTC")).toBe("2026-11-20");
  });

  it("formats ISO 8601 with the zone's offset, across DST", () => {
    expect(isoInZone(1795156920, "Europe/Paris")).toBe("2026-11-20T07:42:00+01:00");
    expect(isoInZone(Date.UTC(2026, 6, 1, 12) / 1000, "Europe/Paris")).toBe("2026-07-01T14:00:00+02:00");
    expect(isoInZone(Date.UTC(2026, 6, 1, 12) / 1000, "Asia/Kolkata")).toBe("2026-07-01T17:30:00+05:30");
    expect(zoneOffsetSeconds(1795156920, "America/Los_Angeles")).toBe(-8 * 3600);
  });

  it("turns a local midnight into the right instant, on DST change days too", () => {
    expect(zonedEpoch("2026-11-20", 0, "Europe/Paris")).toBe(Date.UTC(2026, 10, 19, 23) / 1000);
    expect(zonedEpoch("2026-03-29", 0, "Europe/Paris")).toBe(Date.UTC(2026, 2, 28, 23) / 1000);
    expect(zonedEpoch("2026-03-30", 0, "Europe/Paris")).toBe(Date.UTC(2026, 2, 29, 22) / 1000);
  });

  it("treats a date-only end as the end of that day", () => {
    const d = parseUserDate("2026-11-20", "endDate");
    expect(toEpoch(d, "Europe/Paris", true)).toBe(Date.UTC(2026, 10, 20, 23) / 1000 - 1);
    expect(toYmd(parseUserDate(1795200120, "x"), "Pacific/Kiritimati")).toBe("2026-11-21");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("ranges", () => {
  const now = Date.UTC(2026, 10, 21, 10) / 1000;

  it("defaults the ymd window to the last N days in the user's zone", () => {
    expect(ymdRange(parseRange({}), "Europe/Paris", now, 7)).toEqual({ startdateymd: "2026-11-15", enddateymd: "2026-11-21" });
  });

  it("defaults the epoch window to the span before now", () => {
    expect(epochRange(parseRange({}), "UTC", now, 86400)).toEqual({ startdate: now - 86400, enddate: now });
  });

  it("splits long unix ranges into 24 h calls", () => {
    expect(chunkRange(0, 86400 * 2 + 10)).toEqual([
      { startdate: 0, enddate: 86400 }, { startdate: 86400, enddate: 172800 }, { startdate: 172800, enddate: 172810 },
    ]);
    expect(chunkRange(100, 100)).toEqual([{ startdate: 100, enddate: 100 }]);
  });

  it("refuses a range whose end comes before its start, and lastUpdate together with dates", () => {
    expect(() => parseRange({ startDate: "2026-11-21", endDate: "2026-11-20" })).toThrow(/"endDate"/);
    expect(() => parseRange({ startDate: "2026-11-20T10:00:00Z", endDate: "2026-11-20T09:00:00Z" })).toThrow(/"endDate"/);
    expect(() => parseRange({ lastUpdate: 1795156920, endDate: "2026-11-20" }, { allowLastUpdate: true })).toThrow(/"lastUpdate"/);
    expect(() => parseRange({ lastUpdate: "2026-11-20" }, { allowLastUpdate: true })).toThrow(/exact time/);
    expect(parseRange({ startDate: "2026-11-20", endDate: "2026-11-20" })).toMatchObject({ start: { ymd: "2026-11-20" } });
  });

  it("checks data fields against the endpoint's list", () => {
    expect(parseDataFields(undefined, "getsummary")).toContain("sleep_score");
    expect(parseDataFields(undefined, "getsummary")).not.toContain("durationtosleep");
    expect(parseDataFields(["hr", "rr", "hr"], "sleepget")).toEqual(["hr", "rr"]);
    expect(() => parseDataFields(["steps", "mood"], "getactivity")).toThrow(/"dataFields": unknown data field mood/);
  });
});
