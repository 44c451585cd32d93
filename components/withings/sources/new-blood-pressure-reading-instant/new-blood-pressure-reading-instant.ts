import { defineSource } from "@pipedream/types";
import twin from "../new-blood-pressure-reading/new-blood-pressure-reading";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-blood-pressure-reading-instant",
    name: "New Blood Pressure Reading (Instant)",
    description: "Emit new event for each blood pressure reading as soon as Withings notifies of it (appli 4), with the same fields and ids as New Blood Pressure Reading. No polling: zero requests while nothing happens. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return [4];
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
