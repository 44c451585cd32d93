import { WithingsResponseError } from "../../common/errors";
import { bodyOf, listOf, recordBody, recordOf } from "../../common/shape";
import { mockWithings, resetHttp } from "../helpers/http";
import { appInstance } from "../helpers/context";
import { collect } from "../../common/paginate";

afterEach(resetHttp);

describe("listOf", () => {
  it("returns the list, empty or not, as the same array", () => {
    const series = [{ id: 1 }, { id: 2 }];
    expect(listOf({ series, more: false }, "series", "getworkouts")).toBe(series);
    expect(listOf({ measuregrps: [] }, "measuregrps", "getmeas")).toEqual([]);
    expect(listOf({ signal: [5, -3, 0] }, "signal", "get", { items: "number" })).toEqual([5, -3, 0]);
    expect(listOf({ x: [1, "a", null] }, "x", "a", { items: "any" })).toEqual([1, "a", null]);
  });

  it.each([
    [{}, /returned nothing where the "series" list belongs/],
    [{ series: null }, /returned null where the "series" list belongs/],
    [{ series: { a: 1 } }, /returned an object where the "series" list belongs/],
    [{ series: "[]" }, /returned a string where/],
    [{ series: [{ id: 1 }, 7] }, /a "series" list whose item 1 is a number, not a record/],
    [{ series: [null] }, /item 0 is null/],
    [{ series: [[1]] }, /item 0 is a list/],
    [null, /returned null instead of a response body/],
    [[{ id: 1 }], /returned a list instead of a response body/],
    ["ok", /returned a string instead of a response body/],
  ])("refuses %j with a WithingsResponseError naming the action and key", (body, message) => {
    let err: unknown;
    try {
      listOf(body, "series", "getworkouts");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err).toMatchObject({ action: "getworkouts", family: "response", status: 0 });
    expect((err as Error).message).toMatch(/^Withings getworkouts returned /);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/try again later/);
  });

  it("never puts a value of the reply in the message", () => {
    expect(() => listOf({ series: { secret: "tok_echoed_back" } }, "series", "list")).toThrow(/^(?!.*tok_echoed_back)/s);
    expect(() => listOf({ series: ["tok_echoed_back"] }, "series", "list")).toThrow(/item 0 is a string/);
  });

  it("checks numbers for a signal", () => {
    expect(() => listOf({ signal: [1, "2"] }, "signal", "get", { items: "number" })).toThrow(/item 1 is a string, not a number/);
    expect(() => listOf({ signal: [1, Infinity] }, "signal", "get", { items: "number" })).toThrow(WithingsResponseError);
  });
});

describe("recordOf and bodyOf", () => {
  it("accepts a keyed record, and Withings' [] for an empty one", () => {
    expect(recordOf({ series: { 1795158240: { steps: 7 } } }, "series", "getintradayactivity", { values: "object" }))
      .toEqual({ 1795158240: { steps: 7 } });
    expect(recordOf({ goals: [] }, "goals", "getgoals")).toEqual({});
    expect(bodyOf({ a: 1 }, "x")).toEqual({ a: 1 });
  });

  it.each([
    [{}, /nothing where the "series" record belongs/],
    [{ series: null }, /null where/],
    [{ series: [1] }, /a list where/],
    [{ series: { 1: 5 } }, /a "series" record with an entry that is a number/],
  ])("refuses %j", (body, message) => {
    expect(() => recordOf(body, "series", "getintradayactivity", { values: "object" })).toThrow(WithingsResponseError);
    expect(() => recordOf(body, "series", "getintradayactivity", { values: "object" })).toThrow(message);
  });
});

describe("the app's paginate", () => {
  it("follows pages and refuses a page whose list is missing, without yielding past it", async () => {
    const http = mockWithings([
      { path: "/v2/measure", body: { status: 0, body: { series: [{ id: 1 }], more: true, offset: 1 } } },
      { path: "/v2/measure", body: { status: 0 } },
    ]);
    const app = appInstance();
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const w of app.paginate(app.getWorkouts, { lastupdate: 1795000000 }, "series", "getworkouts")) seen.push(w);
    })().catch((e) => e);
    expect(seen).toEqual([{ id: 1 }]);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/^Withings getworkouts returned nothing where the "series" list belongs/);
    expect(http.requests.map((r) => r.form.offset)).toEqual([undefined, "1"]);
  });

  it("takes a picking function for lists that need the page (getmeas' timezone)", async () => {
    mockWithings([{ path: "/measure", body: { status: 0, body: { timezone: "Europe/Paris", measuregrps: [{ grpid: 3 }] } } }]);
    const app = appInstance();
    const got = await collect(app.paginate(app.getMeasures, {}, (b: any) => listOf<any>(b, "measuregrps", "getmeas")
      .map((g) => ({ ...g, tz: b.timezone })), "getmeas"));
    expect(got).toEqual([{ grpid: 3, tz: "Europe/Paris" }]);
  });
});

describe("recordBody", () => {
  it("returns a body that carries one of the record's fields", () => {
    expect(recordBody({ appli: 1, comment: "x" }, "get", ["appli", "callbackurl"])).toEqual({ appli: 1, comment: "x" });
  });
  it.each([[{}], [{ comment: "x" }], [null], [[]]])("refuses %j as a WithingsResponseError naming the action", (body) => {
    expect(() => recordBody(body, "get", ["appli", "callbackurl"])).toThrow(WithingsResponseError);
    expect(() => recordBody(body, "get", ["appli", "callbackurl"])).toThrow(/^Withings get returned /);
  });
});
