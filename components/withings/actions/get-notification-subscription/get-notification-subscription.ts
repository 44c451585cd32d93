import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { parseExistingUrl } from "../../../../common/notify";
import { stepOf, validate } from "../../common/component";
import {
  appliLabel, decodeSubscription, parseAppli, type DecodedSubscription,
} from "../../common/notify-inputs";
import { recordBody } from "../../../../common/shape";
import type { NotifyProfile } from "../../../../common/types";

export default defineAction({
  key: "withings-get-notification-subscription",
  name: "Get Notification Subscription",
  description: "Get one notification subscription of the connected user by callback URL and category. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/notify/operation/notify-get)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    callbackUrl: { propDefinition: [withings, "callbackUrl"] },
    appli: {
      propDefinition: [withings, "appli"],
      optional: true,
      description: "Category of the subscription, e.g. `44` for sleep. Withings uses `1` (weight) when empty.",
    },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedSubscription> {
    const $ = stepOf(opts);
    const input = validate(() => ({
      callbackurl: parseExistingUrl(this.callbackUrl, "callbackUrl"),
      appli: parseAppli(this.appli, "appli", false),
    }));
    const profile = recordBody<NotifyProfile>(await this.withings.getNotification({ $, ...input }), "get",
      ["appli", "callbackurl"]);
    const out = decodeSubscription({ ...profile, callbackurl: profile.callbackurl ?? input.callbackurl });
    $.export("$summary", `${appliLabel(out.appli)} notifications go to ${out.callbackurl}`);
    return out;
  },
});
