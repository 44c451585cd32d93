import { defineSource } from "@pipedream/types";
import twin from "../new-ecg-recording/new-ecg-recording";
import webhook, { instantProps } from "../common/webhook";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-ecg-recording-instant",
    name: "New ECG Recording (Instant)",
    description: "Emit new event for each new ECG recording as soon as Withings notifies of it (appli 54), with the same fields and ids as New ECG Recording. No polling: zero requests while nothing happens. "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return [54];
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
