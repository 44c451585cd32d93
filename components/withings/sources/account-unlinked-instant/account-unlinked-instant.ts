import { defineSource } from "@pipedream/types";
import webhook, { instantProps, type Arrival } from "../common/webhook";
import { accountEvent } from "../common/notify-events";
import type { NotifyPayload } from "../../../../common/notify";
import sampleEmit from "./test-event";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-account-unlinked-instant",
    name: "New Account Unlinked (Instant)",
    description: "Emit new event when the connected Withings user unlinks this app, deletes their account or "
      + "updates their profile (notification category 46, `action` `unlink`, `delete` or `update`), one event per "
      + "action, with no API call. Needs the `user.info` scope. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps({ props: {} }),
    methods: {
      ...webhook.methods,
      notifyApplis(): number[] {
        return [46];
      },
      async handleNotification(n: NotifyPayload, arrival: Arrival) {
        const { event, id, summary, ts } = accountEvent(n, arrival.ms);
        await this.$emit(event as never, { id, summary, ts });
      },
    },
  }),
  sampleEmit,
};
