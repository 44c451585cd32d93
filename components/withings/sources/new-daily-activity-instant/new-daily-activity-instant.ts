import { defineSource } from "@pipedream/types";
import twin from "../new-daily-activity/new-daily-activity";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-daily-activity-instant",
    name: "New Daily Activity (Instant)",
    description: "Emit new event once per finished day of activity as soon as Withings notifies of an activity sync (appli 16), with the same fields and ids as New Daily Activity. No polling: zero requests while nothing happens. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return [16];
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
