import { ApiError, MESSAGES, invalidParams } from "../http-util";
import { NEVER_EXPIRES, type Subscription } from "../notify";
import { intParam, type Action, type Ctx } from "./params";
import { appliScope } from "../../common/notify";

/** `/notify` subscribe, list, get, revoke, update: per user (the token's), per appli, per callback URL. */

const APPLIS = [1, 2, 4, 16, 44, 46, 50, 51, 52, 53, 54, 55, 58];

function appliParam(ctx: Ctx, name: string, required: boolean, fallback?: number): number | undefined {
  const a = intParam(ctx.params, name, required && fallback === undefined) ?? fallback;
  if (a !== undefined && !APPLIS.includes(a)) throw invalidParams(`invalid ${name} ${a}`);
  return a;
}

function callbackParam(ctx: Ctx, name = "callbackurl"): string {
  const url = ctx.params[name];
  if (!url) throw invalidParams(`missing ${name}`);
  return url;
}

/** A subscription needs the scope that reads its data (user.info for 46, user.sleepevents for 50-52). */
function requireScope(ctx: Ctx, appli: number): void {
  const scope = appliScope(appli);
  if (appli !== 53 && !ctx.scopes.includes(scope)) {
    throw new ApiError(214, `Unauthorized: the access token was not granted the ${scope} scope`);
  }
}

const mine = (ctx: Ctx) => (s: Subscription) => s.userid === ctx.userid && s.clientId === ctx.clientId;

export const subscribe: Action = async (ctx) => {
  const callbackurl = callbackParam(ctx);
  const appli = appliParam(ctx, "appli", true)!;
  const comment = ctx.params.comment ?? null;
  requireScope(ctx, appli);
  await ctx.notifier.probe(callbackurl);
  const existing = ctx.notifier.subs.find((s) => mine(ctx)(s) && s.appli === appli && s.callbackurl === callbackurl);
  if (existing) existing.comment = comment ?? existing.comment;
  else ctx.notifier.subs.push({ clientId: ctx.clientId, userid: ctx.userid, appli, callbackurl, comment });
  return {};
};

export const list: Action = (ctx) => {
  const appli = appliParam(ctx, "appli", false);
  const profiles = ctx.notifier.subs
    .filter((s) => mine(ctx)(s) && (appli === undefined || s.appli === appli))
    .map((s) => ({ appli: s.appli, callbackurl: s.callbackurl, expires: NEVER_EXPIRES, comment: s.comment }));
  return { profiles };
};

export const get: Action = (ctx) => {
  const callbackurl = callbackParam(ctx);
  const appli = appliParam(ctx, "appli", false, 1)!; // appli defaults to 1
  const s = ctx.notifier.subs.find((x) => mine(ctx)(x) && x.appli === appli && x.callbackurl === callbackurl);
  if (!s) throw new ApiError(343, MESSAGES.noSubscription);
  return { appli: s.appli, callbackurl: s.callbackurl, comment: s.comment };
};

export const revoke: Action = (ctx) => {
  const callbackurl = callbackParam(ctx);
  const appli = appliParam(ctx, "appli", false);
  const match = (s: Subscription) => mine(ctx)(s) && s.callbackurl === callbackurl && (appli === undefined || s.appli === appli);
  if (!ctx.notifier.subs.some(match)) throw new ApiError(294, MESSAGES.cannotDelete);
  ctx.notifier.subs = ctx.notifier.subs.filter((s) => !match(s));
  return {};
};

export const update: Action = async (ctx) => {
  const callbackurl = callbackParam(ctx);
  const appli = appliParam(ctx, "appli", true)!;
  const changes = ["new_callbackurl", "new_appli", "comment"].filter((k) => ctx.params[k] !== undefined);
  if (changes.length !== 1) throw invalidParams("give exactly one of new_callbackurl, new_appli, comment");
  // If several subscriptions match, only one is updated.
  const s = ctx.notifier.subs.find((x) => mine(ctx)(x) && x.appli === appli && x.callbackurl === callbackurl);
  if (!s) throw new ApiError(286, "No subscription found for callbackurl");
  if (changes[0] === "new_callbackurl") {
    const url = callbackParam(ctx, "new_callbackurl");
    await ctx.notifier.probe(url);
    s.callbackurl = url;
  } else if (changes[0] === "new_appli") {
    const next = appliParam(ctx, "new_appli", true)!;
    requireScope(ctx, next);
    s.appli = next;
  } else {
    s.comment = ctx.params.comment;
  }
  return {};
};
