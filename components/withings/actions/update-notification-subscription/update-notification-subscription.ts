import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { stepOf, validate } from "../../common/component";
import { appliLabel, parseAppli, parseComment } from "../../common/notify-inputs";
import { checkCallbackUrl, parseExistingUrl } from "../../../../common/notify";
import { InputError } from "../../../../common/errors";
import { subscribeError } from "../../sources/common/subscribe-error";

const CHANGES = ["newCallbackUrl", "newAppli", "comment"] as const;

export default defineAction({
  key: "withings-update-notification-subscription",
  name: "Update Notification Subscription",
  description: "Change one notification subscription: give exactly one of a new callback URL, a new category "
    + "or a new comment. A new URL is checked by Withings with a HEAD request, as when subscribing. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/notify/operation/notify-update)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    callbackUrl: { propDefinition: [withings, "callbackUrl"] },
    appli: {
      propDefinition: [withings, "appli"],
      description: "Category of the subscription to change, e.g. `1` for weight.",
    },
    newCallbackUrl: {
      type: "string",
      label: "New Callback URL",
      description: "Move the subscription to this https URL, e.g. `https://example.com/withings/v2`.",
      optional: true,
    },
    newAppli: {
      propDefinition: [withings, "appli"],
      label: "New Notification Category",
      description: "Switch the subscription to this category, e.g. `44` for sleep.",
      optional: true,
    },
    comment: {
      type: "string",
      label: "Comment",
      description: "Replace the subscription's comment, e.g. `weight sync`.",
      optional: true,
    },
  },
  async run(opts?: ActionRunOptions) {
    const $ = stepOf(opts);
    const input = validate(() => {
      const given = CHANGES.filter((k) => this[k] !== undefined && this[k] !== null && this[k] !== "");
      if (given.length !== 1) {
        throw new InputError(given[1] ?? "newCallbackUrl", "give exactly one of newCallbackUrl, newAppli or comment "
          + `(Withings changes one thing per call)${given.length ? `; got ${given.join(" and ")}` : ""}.`);
      }
      return {
        callbackurl: parseExistingUrl(this.callbackUrl, "callbackUrl"),
        appli: parseAppli(this.appli, "appli", true)!,
        new_callbackurl: given[0] === "newCallbackUrl" ? checkCallbackUrl(this.newCallbackUrl, "newCallbackUrl") : undefined,
        new_appli: given[0] === "newAppli" ? parseAppli(this.newAppli, "newAppli", true) : undefined,
        comment: given[0] === "comment" ? parseComment(this.comment, "comment") : undefined,
      };
    });
    try {
      await this.withings.updateNotification({ $, ...input });
    } catch (err) {
      throw input.new_callbackurl ? subscribeError(err, input.appli) : err;
    }
    const change = input.new_callbackurl ? `now notifies ${input.new_callbackurl}`
      : input.new_appli ? `now covers ${appliLabel(input.new_appli)}` : "comment updated";
    $.export("$summary", `Subscription of ${input.callbackurl} to ${appliLabel(input.appli)}: ${change}`);
    return { updated: true, ...input };
  },
});
