import { applisForMeasureTypes, checkCallbackUrl, parseExistingUrl, parseNotification } from "../../common/notify";
import { InputError } from "../../common/errors";
import { coalesce, inFlight, mark } from "../../components/withings/sources/common/coalesce";

describe("parseNotification", () => {
  it("reads Withings' form fields from a parsed body, a form string and a JSON string", () => {
    const want = { userid: "123", appli: 1, startdate: 1530576000, enddate: 1530698753 };
    expect(parseNotification({ userid: "123", appli: "1", startdate: "1530576000", enddate: "1530698753" })).toEqual(want);
    expect(parseNotification("foo=bar&userid=123&appli=1&startdate=1530576000&enddate=1530698753")).toEqual(want);
    expect(parseNotification(JSON.stringify({ userid: 123, appli: 1, startdate: 1530576000, enddate: 1530698753 }))).toEqual(want);
    expect(parseNotification(Buffer.from("userid=123&appli=46&date=2026-11-20&action=unlink")))
      .toEqual({ userid: "123", appli: 46, date: "2026-11-20", action: "unlink" });
  });

  it.each([undefined, null, "", "x", "{", "userid=&appli=1", "userid=1", "appli=1", "userid=-4&appli=1",
    "userid=1.5&appli=1", [1], 7, { userid: { a: 1 }, appli: 1 }])("returns undefined for %j", (body) => {
    expect(parseNotification(body)).toBeUndefined();
  });
});

describe("applisForMeasureTypes", () => {
  it.each([
    [undefined, [1, 2, 4]], [[], [1, 2, 4]], [[1, 6], [1]], [[9, 10], [4]], [[11], [1, 4]], [[54], [4]],
    [[12], [2]], [[71], [1, 2]], [[1, 9, 12], [1, 2, 4]], [[99999], [1]],
  ])("%j needs %j", (types, applis) => {
    expect(applisForMeasureTypes(types as number[] | undefined)).toEqual(applis);
  });
});

describe("checkCallbackUrl", () => {
  it("accepts https on a public host name, port 443 or 80", () => {
    expect(checkCallbackUrl(" https://example.com/withings/notify?k=1 ", "callbackUrl")).toBe("https://example.com/withings/notify?k=1");
    expect(checkCallbackUrl("https://example.com:443/x", "callbackUrl")).toBe("https://example.com:443/x");
  });
  it.each([
    ["", /enter the https URL/], ["http://example.com/x", /only calls https/], ["https://127.0.0.1/x", /not an IP/],
    ["https://[::1]/x", /not an IP/], ["https://localhost/x", /not an IP address or localhost/],
    ["https://example.com:8443/x", /ports 443 and 80, not 8443/], [`https://example.com/${"a".repeat(250)}`, /at most 255/],
    ["not a url", /is not a URL/],
  ])("refuses %j naming the prop", (url, reason) => {
    let err: unknown;
    try {
      checkCallbackUrl(url, "callbackUrl");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^Invalid "callbackUrl": /);
    expect((err as Error).message).toMatch(reason);
  });
});

describe("coalesce", () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it("one fetch for notifications that arrived before it started; one more for those during it", async () => {
    const runs: ReturnType<typeof deferred>[] = [];
    const fetch = () => {
      const d = deferred();
      runs.push(d);
      return d.promise;
    };
    const a = mark();
    const b = mark();
    const first = coalesce("k", a, fetch);
    const joined = coalesce("k", b, fetch); // arrived before the first fetch started: covered by it
    const c = mark(); // arrived while it runs: it may have read too early
    const d = mark();
    const second = coalesce("k", c, fetch);
    const third = coalesce("k", d, fetch);
    await Promise.resolve();
    expect(runs).toHaveLength(1);
    runs[0].resolve();
    expect(await first).toBe("fetched");
    expect(await joined).toBe("joined");
    await new Promise((r) => setImmediate(r));
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    expect([await second, await third].sort()).toEqual(["fetched", "joined"]);
    expect(runs).toHaveLength(2);
    expect(inFlight()).toBe(0);
  });

  it("a failed fetch fails the notifications that joined it, and the next notification fetches again", async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("601");
    };
    await expect(coalesce("f", mark(), failing)).rejects.toThrow("601");
    await expect(coalesce("f", mark(), async () => { calls++; })).resolves.toBe("fetched");
    expect(calls).toBe(2);
  });
});

describe("parseExistingUrl", () => {
  it("takes any http(s) URL of an existing subscription, loopback included, trimmed", () => {
    expect(parseExistingUrl(" http://127.0.0.1:8080/hook ", "callbackUrl")).toBe("http://127.0.0.1:8080/hook");
  });
  it.each([
    ["", /enter the callback URL/], ["0x10", /is not a URL/], ["ftp://example.com/x", /is not a URL/],
    [`https://example.com/${"a".repeat(250)}`, /at most 255/], [5, /enter the callback URL/],
  ])("refuses %j naming the prop", (url, reason) => {
    expect(() => parseExistingUrl(url, "callbackUrl")).toThrow(reason);
    expect(() => parseExistingUrl(url, "callbackUrl")).toThrow(/^Invalid "callbackUrl"/);
  });
});
