import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { plural, stepOf, validate } from "../../common/component";
import { decodeSubscription, parseAppli, type DecodedSubscription } from "../../common/notify-inputs";
import { listOf } from "../../../../common/shape";
import type { NotifyListBody, NotifyProfile } from "../../../../common/types";

export default defineAction({
  key: "withings-list-notification-subscriptions",
  name: "List Notification Subscriptions",
  description: "List the connected user's notification subscriptions: category, callback URL, comment and "
    + "expiry. [See the documentation](https://developer.withings.com/api-reference/#tag/notify/operation/notify-list)",
  version: "0.0.1",
  type: "action",
  annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: true },
  props: {
    withings,
    appli: {
      propDefinition: [withings, "appli"],
      optional: true,
      description: "Only list subscriptions of this category, e.g. `1` for weight. Leave empty for all.",
    },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedSubscription[]> {
    const $ = stepOf(opts);
    const appli = validate(() => parseAppli(this.appli, "appli", false));
    const body: NotifyListBody = await this.withings.listNotifications({ $, appli });
    const out = listOf<NotifyProfile>(body, "profiles", "list").map(decodeSubscription);
    $.export("$summary", `Found ${plural(out.length, "notification subscription")}`);
    return out;
  },
});
