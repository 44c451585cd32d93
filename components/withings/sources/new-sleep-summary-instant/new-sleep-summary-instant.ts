import { defineSource } from "@pipedream/types";
import twin from "../new-sleep-summary/new-sleep-summary";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-sleep-summary-instant",
    name: "New Sleep Summary (Instant)",
    description: "Emit new event for each night's sleep summary as soon as Withings notifies of it (appli 44), with the same fields and ids as New Sleep Summary. No polling: zero requests while nothing happens. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return [44];
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
