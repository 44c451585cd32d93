import { InputError } from "../../common/errors";
import { parseUserDate } from "../../common/dates";
import {
  epochRange, parseDataFields, parseInteger, parseMaxResults, parseMeasureTypes, parseRange, ymdRange,
} from "../../common/inputs";
import { DEFAULT_DATA_FIELDS } from "../../common/codes/data-fields";

const refusal = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("not refused");
};

describe("parseInteger", () => {
  it.each([[5, 5], ["5", 5], [" 42 ", 42], ["0012", 12], [2 ** 31 - 1, 2 ** 31 - 1]])("accepts %j as %i", (v, n) => {
    expect(parseInteger(v, "n", { min: 1, max: 2 ** 31 - 1 })).toBe(n);
  });

  it.each([
    true, false, [5], [[1]], {}, "0x10", "1e3", "1.5", 1.5, "-1", -1, "+5", "", " ", NaN, Infinity, 1e20, 0,
    "9007199254740993", "١٢", "1_000", "0b11", "5 apples", null, undefined,
  ])("refuses %j naming the prop and the bounds", (v) => {
    const err = refusal(() => parseInteger(v, "signalId", { min: 1, max: 1000 }));
    expect(err.prop).toBe("signalId");
    expect(err.message).toMatch(/^Invalid "signalId": must be a whole number from 1 to 1000, got /);
  });

  it("refuses values past the bounds", () => {
    expect(refusal(() => parseInteger(3, "category", { min: 1, max: 2, what: "1 or 2" })).message)
      .toBe('Invalid "category": must be 1 or 2, got 3.');
    expect(() => parseInteger("1001", "n", { min: 1, max: 1000 })).toThrow(/got "1001"/);
  });
});

describe("list and count props", () => {
  it("parses measure types from lists, comma strings and single numbers, strictly", () => {
    expect(parseMeasureTypes([1, "6", 9, 1])).toEqual([1, 6, 9]);
    expect(parseMeasureTypes("1, 6,,9")).toEqual([1, 6, 9]);
    expect(parseMeasureTypes(11)).toEqual([11]);
    expect(parseMeasureTypes([])).toBeUndefined();
    for (const bad of [[true], [[1]], ["0x10"], [1e20], "1e3", true, { 1: 1 }, [0], ["weight"]]) {
      expect(refusal(() => parseMeasureTypes(bad)).prop).toBe("measureTypes");
    }
  });

  it("refuses maxResults that is not a plain count", () => {
    expect(parseMaxResults(undefined)).toBe(100);
    expect(parseMaxResults("25")).toBe(25);
    for (const bad of [true, [5], "1e3", 0, -5, 2.5, 1_000_001]) expect(refusal(() => parseMaxResults(bad)).prop).toBe("maxResults");
  });

  it("reads data fields from a list or a comma string; blank means the defaults; non-strings are refused", () => {
    expect(parseDataFields(" ", "getsummary")).toEqual([...DEFAULT_DATA_FIELDS.getsummary]);
    expect(parseDataFields(["hr", " rr "], "sleepget")).toEqual(["hr", "rr"]);
    expect(refusal(() => parseDataFields([["hr"]], "sleepget")).message).toMatch(/^Invalid "dataFields": expected data field names, got \["hr"\]/);
    expect(refusal(() => parseDataFields(5, "sleepget")).prop).toBe("dataFields");
  });
});

describe("date bounds", () => {
  it.each([
    ["9999-12-31", /out of range: give a date from 1970-01-02 to 2099-12-31/],
    ["1970-01-01", /out of range/],
    ["1969-12-31T23:00:00Z", /out of range/],
    ["0", /out of range/],
    [0, /out of range/],
    ["99999999999", /out of range/],
    ["2100-01-01T00:00:00Z", /out of range/],
    [1795000000.5, /not whole unix seconds/],
    [-5, /not whole unix seconds/],
  ])("refuses %j", (v, message) => {
    expect(refusal(() => parseUserDate(v, "endDate")).message).toMatch(message);
  });

  it("accepts the first and last days of the range", () => {
    expect(parseUserDate("1970-01-02", "startDate")).toMatchObject({ kind: "local", ymd: "1970-01-02" });
    expect(parseUserDate("2099-12-31", "endDate")).toMatchObject({ kind: "local", ymd: "2099-12-31" });
    expect(parseUserDate(86400, "startDate")).toEqual({ kind: "instant", epoch: 86400 });
  });

  it("never yields a negative or pre-1970 start, even for an end in early 1970 in any zone", () => {
    const early = parseRange({ endDate: "1970-01-02" });
    for (const tz of ["Pacific/Kiritimati", "Etc/GMT+12", "Europe/Paris"]) {
      expect(epochRange(early, tz, 1795000000, 30 * 86400).startdate).toBe(0);
      expect(ymdRange(early, tz, 1795000000, 30).startdateymd).toBe("1970-01-01");
      const first = epochRange(parseRange({ startDate: "1970-01-02", endDate: "1970-01-03" }), tz, 1795000000, 86400);
      expect(first.startdate).toBeGreaterThan(0);
    }
  });
});
