import { defineSource } from "@pipedream/types";
import twin from "../new-measurement/new-measurement";
import webhook, { instantProps } from "../common/webhook";
import { validate } from "../../common/component";
import { parseMeasureTypes } from "../../../../common/inputs";
import { applisForMeasureTypes } from "../../../../common/notify";

export default {
  ...defineSource({
    ...webhook,
    key: "withings-new-measurement-instant",
    name: "New Measurement (Instant)",
    description: "Emit new event for each new body measurement session as soon as Withings notifies of it, with the "
      + "same type filter, fields and ids as New Measurement. It subscribes to the notification categories its "
      + "measure types need (1 weight and body composition, 2 temperature, 4 blood pressure, heart rate and SpO2). "
      + "[See the documentation](https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: instantProps(twin),
    methods: {
      ...twin.methods,
      ...webhook.methods,
      notifyApplis(): number[] {
        return applisForMeasureTypes(validate(() => parseMeasureTypes(this.measureTypes)));
      },
    },
  }),
  sampleEmit: twin.sampleEmit,
};
