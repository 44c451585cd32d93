import { defineSource } from "@pipedream/types";
import webhook, { instantProps, type Arrival } from "../common/webhook";
import { bedEvent } from "../common/notify-events";
import type { NotifyPayload } from "../../../../common/notify";
import sampleEmit from "./test-event";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-bed-presence-changed-instant",
    name: "New Bed Presence Changed (Instant)",
    description: "Emit new event each time the user gets into or out of bed on a Withings Sleep Analyzer "
      + "(notification categories 50 and 51), with the device and time, with no API call: a trigger for home "
      + "automation. Needs the `user.sleepevents` scope. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps({ props: {} }),
    methods: {
      ...webhook.methods,
      notifyApplis(): number[] {
        return [50, 51];
      },
      async handleNotification(n: NotifyPayload, arrival: Arrival) {
        const { event, id, summary, ts } = bedEvent(n, arrival.ms);
        await this.$emit(event as never, { id, summary, ts });
      },
    },
  }),
  sampleEmit,
};
