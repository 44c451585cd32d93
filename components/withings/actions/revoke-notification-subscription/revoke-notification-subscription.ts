import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { parseExistingUrl } from "../../../../common/notify";
import { stepOf, validate } from "../../common/component";
import { appliLabel, parseAppli } from "../../common/notify-inputs";

export default defineAction({
  key: "withings-revoke-notification-subscription",
  name: "Revoke Notification Subscription",
  description: "Stop Withings notifying a callback URL of the connected user's new data, for one category or all. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/notify/operation/notify-revoke)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  props: {
    withings,
    callbackUrl: { propDefinition: [withings, "callbackUrl"] },
    appli: {
      propDefinition: [withings, "appli"],
      optional: true,
      description: "Category to stop, e.g. `1` for weight. Leave empty to stop every category for this URL.",
    },
  },
  async run(opts?: ActionRunOptions) {
    const $ = stepOf(opts);
    const input = validate(() => ({
      callbackurl: parseExistingUrl(this.callbackUrl, "callbackUrl"),
      appli: parseAppli(this.appli, "appli", false),
    }));
    await this.withings.revokeNotification({ $, ...input });
    const what = input.appli === undefined ? "all" : appliLabel(input.appli);
    $.export("$summary", `Revoked ${what} notifications to ${input.callbackurl}`);
    return { revoked: true, callbackurl: input.callbackurl, appli: input.appli ?? null };
  },
});
