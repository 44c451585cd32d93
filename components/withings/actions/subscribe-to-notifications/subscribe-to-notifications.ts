import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { stepOf, validate } from "../../common/component";
import { appliLabel, parseAppli, parseComment } from "../../common/notify-inputs";
import { checkCallbackUrl } from "../../../../common/notify";
import { subscribeError } from "../../sources/common/subscribe-error";

export default defineAction({
  key: "withings-subscribe-to-notifications",
  name: "Subscribe to Notifications",
  description: "Ask Withings to notify a URL of the connected user's new data in one category (weight, blood "
    + "pressure, activity, sleep, ECG...). Withings checks the URL with a HEAD request first: it must be https, on "
    + "a public host name, port 443 or 80, and answer 2xx within 2 seconds. [See the documentation](https://developer.withings.com/api-reference/#tag/notify/operation/notify-subscribe)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    callbackUrl: {
      type: "string",
      label: "Callback URL",
      description: "The https URL Withings will POST to, e.g. `https://example.com/withings/notify`. At most "
        + "255 characters, no IP address or localhost, port 443 or 80.",
    },
    appli: { propDefinition: [withings, "appli"] },
    comment: {
      type: "string",
      label: "Comment",
      description: "A note stored with the subscription, e.g. `weight sync`.",
      optional: true,
    },
  },
  async run(opts?: ActionRunOptions) {
    const $ = stepOf(opts);
    const input = validate(() => ({
      callbackurl: checkCallbackUrl(this.callbackUrl, "callbackUrl"),
      appli: parseAppli(this.appli, "appli", true)!,
      comment: parseComment(this.comment, "comment"),
    }));
    try {
      await this.withings.subscribeNotification({ $, ...input });
    } catch (err) {
      throw subscribeError(err, input.appli);
    }
    $.export("$summary", `Subscribed ${input.callbackurl} to ${appliLabel(input.appli)} notifications`);
    return { subscribed: true, ...input, comment: input.comment ?? null };
  },
});
