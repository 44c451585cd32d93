import { ConfigurationError } from "@pipedream/platform";
import subscribe from "../../components/withings/actions/subscribe-to-notifications/subscribe-to-notifications";
import list from "../../components/withings/actions/list-notification-subscriptions/list-notification-subscriptions";
import get from "../../components/withings/actions/get-notification-subscription/get-notification-subscription";
import update from "../../components/withings/actions/update-notification-subscription/update-notification-subscription";
import revoke from "../../components/withings/actions/revoke-notification-subscription/revoke-notification-subscription";
import { WithingsInvalidParamsError } from "../../common/errors";
import { mockWithings, resetHttp, TOKEN } from "../helpers/http";
import { runAction } from "../helpers/context";
import { itRefusesBadInput } from "../helpers/action-cases";

afterEach(resetHttp);

const URL1 = "https://hooks.example.com/withings?k=s3cret";
const ok = { path: "/notify", body: { status: 0, body: {} } };

describe("Subscribe to Notifications", () => {
  it("posts subscribe with the URL, appli and comment and the Bearer token", async () => {
    const http = mockWithings([ok]);
    const { result, summary } = await runAction(subscribe, { callbackUrl: URL1, appli: 44, comment: "sleep" });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(http.requests[0].form).toEqual({ action: "subscribe", callbackurl: URL1, appli: "44", comment: "sleep" });
    expect(result).toEqual({ subscribed: true, callbackurl: URL1, appli: 44, comment: "sleep" });
    expect(summary).toBe(`Subscribed ${URL1} to Sleep (44) notifications`);
  });

  it("explains status 293 (the HEAD check failed)", async () => {
    mockWithings([{ path: "/notify", body: { status: 293, body: {}, error: "The callback URL is either unknown or invalid" } }]);
    const err = await runAction(subscribe, { callbackUrl: URL1, appli: 1 }).catch((e) => e);
    expect(err.message).toMatch(/^Withings refused to send Weight and body composition \(1\) notifications .*status 293.*HEAD/);
  });

  it("names the missing scope when Withings answers with the unauthorized family", async () => {
    mockWithings([{ path: "/notify", body: { status: 214, body: {}, error: "Unauthorized" } }]);
    const err = await runAction(subscribe, { callbackUrl: URL1, appli: 46 }).catch((e) => e);
    expect(err.message).toMatch(/has not granted the "user\.info" scope/);
  });

  itRefusesBadInput(subscribe, [
    [{ callbackUrl: "http://hooks.example.com/x", appli: 1 }, "callbackUrl"],
    [{ callbackUrl: "https://10.0.0.1/x", appli: 1 }, "callbackUrl"],
    [{ callbackUrl: "https://localhost/x", appli: 1 }, "callbackUrl"],
    [{ callbackUrl: "https://hooks.example.com:8443/x", appli: 1 }, "callbackUrl"],
    [{ callbackUrl: `https://hooks.example.com/${"x".repeat(240)}`, appli: 1 }, "callbackUrl"],
    [{ callbackUrl: URL1 }, "appli"],
    [{ callbackUrl: URL1, appli: -1 }, "appli"],
    [{ callbackUrl: URL1, appli: 1, comment: "c".repeat(300) }, "comment"],
  ]);
});

describe("List Notification Subscriptions", () => {
  it("lists with an optional appli filter and names each category", async () => {
    const http = mockWithings([{ path: "/notify", body: { status: 0, body: { profiles: [
      { appli: 1, callbackurl: URL1, expires: 2147483647, comment: "w" },
      { appli: 77, callbackurl: URL1, comment: null },
    ] } } }]);
    const { result, summary } = await runAction(list, { appli: 1 });
    expect(http.requests[0].form).toEqual({ action: "list", appli: "1" });
    expect(result).toEqual([
      { appli: 1, appli_name: "Weight and body composition", callbackurl: URL1, comment: "w", expires: 2147483647, expires_iso: "2038-01-19T03:14:07.000Z" },
      { appli: 77, appli_name: "appli_77", callbackurl: URL1, comment: null, expires: null, expires_iso: null },
    ]);
    expect(summary).toBe("Found 2 notification subscriptions");
  });

  it("sends no appli when none is given", async () => {
    const http = mockWithings([{ path: "/notify", body: { status: 0, body: { profiles: [] } } }]);
    const { summary } = await runAction(list, {});
    expect(http.requests[0].form).toEqual({ action: "list" });
    expect(summary).toBe("Found 0 notification subscriptions");
  });
});

describe("Get Notification Subscription", () => {
  it("gets one subscription by URL and appli", async () => {
    const http = mockWithings([{ path: "/notify", body: { status: 0, body: { appli: 4, callbackurl: URL1, comment: null } } }]);
    const { result, summary } = await runAction(get, { callbackUrl: URL1, appli: 4 });
    expect(http.requests[0].form).toEqual({ action: "get", callbackurl: URL1, appli: "4" });
    expect(result).toMatchObject({ appli: 4, appli_name: "Blood pressure, heart rate and SpO2", callbackurl: URL1 });
    expect(summary).toBe(`Blood pressure, heart rate and SpO2 (4) notifications go to ${URL1}`);
  });

  it("turns 343 (no such subscription) into a typed error", async () => {
    mockWithings([{ path: "/notify", body: { status: 343, body: {}, error: "No notification matching the criteria" } }]);
    const err = await runAction(get, { callbackUrl: URL1 }).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsInvalidParamsError);
    expect(err.message).toMatch(/^Withings get failed with status 343/);
  });

  itRefusesBadInput(get, [[{ callbackUrl: "" }, "callbackUrl"], [{ callbackUrl: URL1, appli: "x" }, "appli"]]);
});

describe("Update Notification Subscription", () => {
  it.each([
    [{ newCallbackUrl: "https://hooks.example.com/v2" }, { new_callbackurl: "https://hooks.example.com/v2" }, "now notifies https://hooks.example.com/v2"],
    [{ newAppli: 44 }, { new_appli: "44" }, "now covers Sleep (44)"],
    [{ comment: "renamed" }, { comment: "renamed" }, "comment updated"],
  ])("sends exactly one change: %j", async (props, form, change) => {
    const http = mockWithings([ok]);
    const { summary } = await runAction(update, { callbackUrl: URL1, appli: 1, ...props });
    expect(http.requests[0].form).toEqual({ action: "update", callbackurl: URL1, appli: "1", ...form });
    expect(summary).toBe(`Subscription of ${URL1} to Weight and body composition (1): ${change}`);
  });

  itRefusesBadInput(update, [
    [{ callbackUrl: URL1, appli: 1 }, "newCallbackUrl"],
    [{ callbackUrl: URL1, appli: 1, newAppli: 4, comment: "x" }, "comment"],
    [{ callbackUrl: URL1, appli: 1, newCallbackUrl: "http://insecure.example.com" }, "newCallbackUrl"],
    [{ callbackUrl: URL1, newAppli: 4 }, "appli"],
    [{ callbackUrl: URL1, appli: 1, newAppli: 0 }, "newAppli"],
  ]);

  it("refuses two changes with a ConfigurationError that says why", async () => {
    const err = await runAction(update, { callbackUrl: URL1, appli: 1, newAppli: 4, comment: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/exactly one of newCallbackUrl, newAppli or comment .*got newAppli and comment/);
  });
});

describe("Revoke Notification Subscription", () => {
  it("revokes one appli, or every appli of the URL when none is given", async () => {
    const http = mockWithings([ok, ok]);
    const one = await runAction(revoke, { callbackUrl: URL1, appli: 16 });
    const all = await runAction(revoke, { callbackUrl: URL1 });
    expect(http.requests.map((r) => r.form)).toEqual([
      { action: "revoke", callbackurl: URL1, appli: "16" }, { action: "revoke", callbackurl: URL1 },
    ]);
    expect(one.summary).toBe(`Revoked Activity and workouts (16) notifications to ${URL1}`);
    expect(all.summary).toBe(`Revoked all notifications to ${URL1}`);
    expect(all.result).toEqual({ revoked: true, callbackurl: URL1, appli: null });
  });

  itRefusesBadInput(revoke, [[{}, "callbackUrl"], [{ callbackUrl: URL1, appli: 2.5 }, "appli"]]);
});
