import { ConfigurationError } from "@pipedream/platform";
import { WithingsAuthError, WithingsInvalidParamsError, WithingsNotImplementedError } from "../../common/errors";
import { runAction } from "./context";
import { loadFixture } from "./fixtures";
import { mockWithings, TOKEN } from "./http";

/** Each bad input is refused with a ConfigurationError that names the prop, and no request is sent. */
export function itRefusesBadInput(action: unknown, cases: Array<[Record<string, unknown>, string]>,
  { now }: { now?: string } = {}): void {
  it.each(cases)("refuses %j with a ConfigurationError naming %s, before any request", async (props, prop) => {
    if (now) jest.spyOn(Date, "now").mockReturnValue(Date.parse(now));
    const http = mockWithings([]);
    const err = await runAction(action, props).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain(`"${prop}"`);
    expect(http.requests).toHaveLength(0);
  });
}

/** Withings' error envelopes (HTTP 200, non-zero status) become typed errors naming the Withings action. */
export function itMapsErrorEnvelopes(action: unknown, { path, withingsAction, props }: {
  path: string; withingsAction: string; props: Record<string, unknown>;
}): void {
  it.each([
    ["error-401", WithingsAuthError, /Reconnect your Withings account/],
    ["error-503", WithingsInvalidParamsError, /invalid startdate/],
    ["error-2554", WithingsNotImplementedError, /status 2554/],
  ])("turns %s into a typed error", async (fixture, cls, message) => {
    mockWithings([{ path, body: loadFixture(fixture) }]);
    const err = await runAction(action, props).catch((e) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(new RegExp(`^Withings ${withingsAction} failed`));
    expect(err.message).not.toContain(TOKEN);
  });
}
