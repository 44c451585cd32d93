/**
 * Dates are real calendar dates in every accepted form, and date-only ranges are counted in calendar days
 * (issue 15, defects 6 and 7).
 */
import { ConfigurationError } from "@pipedream/platform";
import getSleep from "../../components/withings/actions/get-sleep/get-sleep";
import getIntraday from "../../components/withings/actions/get-intraday-activity/get-intraday-activity";
import getMeasures from "../../components/withings/actions/get-measures/get-measures";
import { parseUserDate } from "../../common/dates";
import { InputError } from "../../common/errors";
import { calendarDays, parseRange } from "../../common/inputs";
import { notificationTime } from "../../components/withings/sources/common/notify-events";
import { runAction } from "../helpers/context";
import { mockWithings, resetHttp } from "../helpers/http";

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

describe("every accepted date is a real calendar date", () => {
  it.each([
    "2026-02-30T00:00:00Z", "2026-02-29T12:00:00+01:00", "2026-04-31T00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
    "2026-01-32T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T00:00:00+15:00",
    "2026-01-01T00:00:00+01:60",
  ])("refuses %s with an error naming the prop", (input) => {
    expect(() => parseUserDate(input, "startDate")).toThrow(InputError);
    expect(() => parseUserDate(input, "startDate")).toThrow(`Invalid "startDate": "${input}" is not a valid date and time.`);
  });

  it.each([
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29) / 1000],
    ["2026-11-20T07:30:00+01:00", Date.UTC(2026, 10, 20, 6, 30) / 1000],
    ["2026-11-20 07:30-0330", Date.UTC(2026, 10, 20, 11, 0) / 1000],
    ["2026-11-20T07:30:15.900z", Date.UTC(2026, 10, 20, 7, 30, 15) / 1000],
    ["2026-01-01T00:00:00+14:00", Date.UTC(2025, 11, 31, 10) / 1000],
  ])("reads %s as the instant it names", (input, epoch) => {
    expect(parseUserDate(input, "startDate")).toEqual({ kind: "instant", epoch });
  });

  it("gives a notification's day a time only when it is a real calendar day", () => {
    expect(notificationTime({ userid: "1", appli: 46, date: "2026-02-28" } as never)).toBe(Date.UTC(2026, 1, 28) / 1000);
    expect(notificationTime({ userid: "1", appli: 46, date: "2026-02-30" } as never)).toBeUndefined();
  });

  it("refuses a year before 1000 instead of reading it as the 1900s", () => {
    expect(() => parseUserDate("0099-06-01T00:00:00Z", "endDate")).toThrow(/^Invalid "endDate": "0099-06-01T00:00:00Z" is not/);
  });

  it("Get Measures refuses 2026-02-30T00:00:00Z with a ConfigurationError naming startDate, before any request", async () => {
    const http = mockWithings([]);
    const err = await runAction(getMeasures, { startDate: "2026-02-30T00:00:00Z" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe('Invalid "startDate": "2026-02-30T00:00:00Z" is not a valid date and time.');
    expect(http.requests).toEqual([]);
  });
});

describe("date-only ranges are counted in calendar days", () => {
  const range = (startDate: string, endDate: string) => parseRange({ startDate, endDate });
  it("counts both ends", () => {
    expect(calendarDays(range("2026-10-19", "2026-10-25"))).toBe(7);
    expect(calendarDays(range("2026-10-25", "2026-10-25"))).toBe(1);
    expect(calendarDays(range("2026-12-28", "2027-01-03"))).toBe(7);
    expect(calendarDays(range("2026-10-19", "2026-10-25T23:00"))).toBeUndefined();
  });

  // Each week holds a DST fall-back: 7 days and 1 hour of real time.
  it.each([
    ["Europe/Paris", "2026-10-19", "2026-10-25", 8],
    ["America/New_York", "2026-10-26", "2026-11-01", 8],
    ["Australia/Lord_Howe", "2026-03-30", "2026-04-05", 8], // half an hour back
  ])("Get Sleep reads %s %s..%s, 24 h a call", async (timezone, startDate, endDate, calls) => {
    const http = mockWithings(Array.from({ length: calls }, () => ({ path: "/v2/sleep", body: { status: 0, body: { series: [] } } })));
    await runAction(getSleep, { startDate, endDate, timezone });
    expect(http.requests).toHaveLength(calls);
    expect(http.pending()).toEqual([]);
  });

  it("Get Intraday Activity reads Europe/Paris 2026-10-19..2026-10-25 from its first to its last second", async () => {
    const http = mockWithings(Array.from({ length: 8 }, () => ({ path: "/v2/measure", body: { status: 0, body: { series: {} } } })));
    await runAction(getIntraday, { startDate: "2026-10-19", endDate: "2026-10-25", timezone: "Europe/Paris" });
    expect(http.requests[0].form.startdate).toBe(String(Date.UTC(2026, 9, 18, 22) / 1000));
    expect(http.requests.at(-1)!.form.enddate).toBe(String(Date.UTC(2026, 9, 25, 23) / 1000 - 1));
  });

  it.each([["Get Sleep", getSleep], ["Get Intraday Activity", getIntraday]])("%s still refuses eight calendar days, before any request", async (_name, action) => {
    const http = mockWithings([]);
    const err = await runAction(action, { startDate: "2026-10-19", endDate: "2026-10-26", timezone: "Europe/Paris" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/^Invalid "endDate": the range covers 8 days, longer than 7 days\./);
    expect(http.requests).toEqual([]);
  });
});
