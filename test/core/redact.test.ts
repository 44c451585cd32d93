import { redact, redactDeep, secretForms } from "../../common/errors";

const SECRET = "cs/5+6=\"7~s0a9 b8";

describe("redact", () => {
  it("knows every spelling of a secret", () => {
    expect(secretForms(SECRET)).toEqual(expect.arrayContaining([
      SECRET,
      "cs%2F5%2B6%3D%227~s0a9%20b8",
      "cs%2F5%2B6%3D%227%7Es0a9+b8",
      "cs/5+6=\\\"7~s0a9 b8",
      "cs\\/5+6=\\\"7~s0a9 b8",
    ]));
  });

  it.each([
    ["raw", `secret ${SECRET} here`],
    ["URL-encoded", `client_secret=${encodeURIComponent(SECRET)}&x=1`],
    ["form-encoded", new URLSearchParams({ client_secret: SECRET }).toString()],
    ["lower-case percent escapes", `client_secret=${encodeURIComponent(SECRET).toLowerCase()}`],
    ["JSON-escaped", JSON.stringify({ error: SECRET })],
    ["PHP JSON", JSON.stringify({ error: SECRET }).replace(/\//g, "\\/")],
    ["JSON twice", JSON.stringify(JSON.stringify({ error: SECRET }))],
  ])("removes the %s form", (_what, text) => {
    const out = redact(text, [SECRET]);
    expect(out).toContain("[redacted]");
    for (const f of secretForms(SECRET)) expect(out.toLowerCase()).not.toContain(f.toLowerCase());
  });

  it("removes bearer tokens it was not told about, also encoded", () => {
    expect(redact("Authorization: Bearer abc.DEF-123/+= end")).toBe("Authorization: Bearer [redacted] end");
    expect(redact("auth=Bearer%20abc%2Fdef")).toBe("auth=Bearer [redacted]");
  });

  it("leaves short or missing secrets and other text alone", () => {
    expect(redact("status 401 abc", ["abc", undefined, ""])).toBe("status 401 abc");
  });

  it("redacts every string and key of an export without changing the original", () => {
    const data = { headers: { "x-echo": SECRET }, data: [`got ${encodeURIComponent(SECRET)}`, 5, null], [SECRET]: true };
    const cyclic: Record<string, unknown> = { data };
    cyclic.self = cyclic;
    const out = redactDeep(cyclic, [SECRET]) as any;
    expect(out.data).toEqual({ headers: { "x-echo": "[redacted]" }, data: ["got [redacted]", 5, null], "[redacted]": true });
    expect(out.self).toBe(out);
    expect(data.headers["x-echo"]).toBe(SECRET);
  });
});
