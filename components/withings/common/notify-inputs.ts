import { NOTIFY_APPLIS } from "../../../common/codes/misc";
import { InputError } from "../../../common/errors";
import { parseInteger } from "../../../common/inputs";
import { appliLabel } from "../../../common/notify";
import type { NotifyProfile } from "../../../common/types";

/** Inputs and outputs shared by the notification actions. */

const blank = (v: unknown) => v === undefined || v === null || v === "";

/** A notification category code: a positive whole number, parsed strictly (new codes appear, so unknown ones pass). */
export function parseAppli(v: unknown, prop: string, required: boolean): number | undefined {
  if (blank(v)) {
    if (required) throw new InputError(prop, `pick a notification category, e.g. 1 (${NOTIFY_APPLIS[0].name}).`);
    return undefined;
  }
  return parseInteger(v, prop, { min: 1, max: 9999, what: "a notification category code such as 1, 4, 16 or 44" });
}

export function parseComment(v: unknown, prop: string): string | undefined {
  if (blank(v)) return undefined;
  if (typeof v !== "string") throw new InputError(prop, "must be text.");
  if (v.length > 255) throw new InputError(prop, "must be at most 255 characters.");
  return v;
}

export interface DecodedSubscription {
  appli: number;
  appli_name: string;
  callbackurl: string;
  comment: string | null;
  expires: number | null;
  expires_iso: string | null;
}

export function decodeSubscription(p: NotifyProfile): DecodedSubscription {
  const appli = Number(p.appli);
  const expires = typeof p.expires === "number" && Number.isFinite(p.expires) ? p.expires : null;
  return {
    appli,
    appli_name: NOTIFY_APPLIS.find((a) => a.code === appli)?.name ?? `appli_${appli}`,
    callbackurl: p.callbackurl,
    comment: p.comment ?? null,
    expires,
    expires_iso: expires === null ? null : new Date(expires * 1000).toISOString(),
  };
}

export { appliLabel };
