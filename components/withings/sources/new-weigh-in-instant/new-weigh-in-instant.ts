import { defineSource } from "@pipedream/types";
import twin from "../new-weigh-in/new-weigh-in";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-weigh-in-instant",
    name: "New Weigh-in (Instant)",
    description: "Emit new event once per weigh-in as soon as Withings notifies of it (appli 1), with the same fields and ids as New Weigh-in. No polling: zero requests while nothing happens. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return [1];
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
