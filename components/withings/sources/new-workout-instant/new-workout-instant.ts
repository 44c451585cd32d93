import { defineSource } from "@pipedream/types";
import twin from "../new-workout/new-workout";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-workout-instant",
    name: "New Workout (Instant)",
    description: "Emit new event for each new workout as soon as Withings notifies of it (appli 16), with the same fields and ids as New Workout. No polling: zero requests while nothing happens. "
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
