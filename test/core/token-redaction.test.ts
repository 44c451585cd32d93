/**
 * Every credential a token request carries is redacted from its errors (issue 15, defect 8): with signed
 * refresh or code exchange, a Withings error that echoes the form shows the signature and nonce redacted, like
 * the refresh token, the code and the client secret.
 */
import { credentialValues, sign, tokenRequestFields } from "../../common/oauth";
import { WithingsError } from "../../common/errors";
import { appInstance } from "../helpers/context";
import { mockWithings, resetHttp } from "../helpers/http";

afterEach(resetHttp);

const creds = { clientId: "cid_0001", clientSecret: "cs_9f8e7d6c5b4a" };
const NONCE = "nonce_1a2b3c4d5e";
/** A Withings error whose text is the request's form, as some gateways echo it. */
const echoForm = (f: Record<string, string>) => ({ status: 503, body: {}, error: new URLSearchParams(f).toString() });

describe("signed token requests", () => {
  it.each([
    ["refreshToken", { refreshToken: "rt_5e6f7a8b9c0d" }, "refresh_token"],
    ["exchangeCode", { code: "code_1b2c3d4e5f", redirectUri: "https://example.com/cb" }, "code"],
  ])("%s: the signature, the nonce and the grant are redacted from an error echoing the form", async (method, extra, grantField) => {
    const http = mockWithings([
      { path: "/v2/signature", body: { status: 0, body: { nonce: NONCE } } },
      { path: "/v2/oauth2", body: echoForm },
    ]);
    const err = await appInstance()[method]({ ...creds, ...extra, useSignature: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WithingsError);
    const form = http.requests[1].form;
    const signature = sign(creds.clientSecret, { action: "requesttoken", client_id: creds.clientId, nonce: NONCE });
    expect(form).toMatchObject({ action: "requesttoken", nonce: NONCE, signature, [grantField]: expect.any(String) });
    for (const secret of [signature, NONCE, form[grantField]]) expect(err.message).not.toContain(secret);
    expect(err.message).toContain(`signature=[redacted]`);
    expect(err.message).toContain(`nonce=[redacted]`);
    expect(err.message).toContain(`${grantField}=[redacted]`);
    expect(err.message).toContain("client_id=cid_0001");
  });
});

test("credentialValues is every value of the form but the public fields", () => {
  const fields = tokenRequestFields("cid", { grant: "refresh_token", refreshToken: "rt_1" }, { nonce: "n_1", signature: "s_1" });
  expect(credentialValues(fields).sort()).toEqual(["n_1", "rt_1", "s_1"]);
  const code = tokenRequestFields("cid", { grant: "authorization_code", code: "c_1", redirectUri: "https://x/cb" }, { clientSecret: "cs_1" });
  expect(credentialValues(code).sort()).toEqual(["c_1", "cs_1"]);
  expect(credentialValues({ client_id: "cid", timestamp: 5, userid: 42, signature: "s_2", extra_proof: "p_1" })).toEqual(["s_2", "p_1"]);
});
