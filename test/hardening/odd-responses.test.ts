/** A success reply without the list an action asked for, or with it in the wrong shape, is a WithingsResponseError. */
import nock from "nock";
import { WithingsResponseError } from "../../common/errors";
import { BASE, resetHttp } from "../helpers/http";
import { runAction } from "../helpers/context";
import { tsComponents } from "../e2e/sim-helpers";
import { ACTION_PROPS } from "./action-props";

afterEach(resetHttp);

const PROPS = ACTION_PROPS;
/** Actions that change something (subscribe, update, revoke) read nothing back: any success reply is a success. */
const readsReply = (a: { component: any }) => a.component.annotations.readOnlyHint !== false;
const ODD: Array<[string, unknown]> = [
  ["{status:0} with no body", { status: 0 }],
  ["a null body", { status: 0, body: null }],
  ["null lists", { status: 0, body: Object.fromEntries(["measuregrps", "activities", "series", "devices", "goals", "signal"].map((k) => [k, null])) }],
  ["lists that are objects", { status: 0, body: { measuregrps: { a: 1 }, activities: { a: 1 }, series: { a: 1 }, devices: { a: 1 }, goals: "none", signal: { a: 1 } } }],
  ["lists of numbers", { status: 0, body: { measuregrps: [1], activities: [1], series: [1], devices: [1], goals: 5, signal: ["x"] } }],
];

describe.each(tsComponents("actions").filter(readsReply)
  .map((a) => [a.slug, a.component] as const))("%s", (slug, component) => {
  it.each(ODD)("refuses %s with a WithingsResponseError", async (_what, reply) => {
    nock(BASE).persist().post(/.*/).reply(200, reply as nock.Body);
    const err = await runAction(component, { timezone: "UTC", ...(PROPS[slug] ?? {}) }).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/^Withings \w+ returned .*(list|record|body)/);
  });
});
