import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common from "../common/polling";
import { flatValues, measurementMethods, onDate, sessionDevice, sessionHeader, withUnit } from "../common/measures";
import { validate } from "../../common/component";
import { parseChoice } from "../../../../common/inputs";
import { UNIT_SYSTEMS, type UnitSystem } from "../../../../common/decode/units";
import { sessionValue, type MeasurementSession } from "../../../../common/decode/sessions";
import { WEIGH_IN_TYPES } from "../../../../common/codes/measure-types";
import sampleEmit from "./test-event";

export default {
  ...defineSource({
    ...common,
    key: "withings-new-weigh-in",
    name: "New Weigh-in",
    description: "Emit new event once per weigh-in on a Withings scale (or manual weight entry), with weight, fat, "
      + "muscle, water, bone and the other body composition values as flat, named fields in real units, ready for a "
      + "spreadsheet row. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: {
      ...common.props,
      unitSystem: { propDefinition: [withings, "unitSystem"] },
    },
    methods: {
      ...common.methods,
      ...measurementMethods,
      measurementInput() {
        return { types: WEIGH_IN_TYPES, system: validate(() => parseChoice(this.unitSystem, UNIT_SYSTEMS, "unitSystem", "metric")) };
      },
      sessionEvents(sessions: MeasurementSession[], system: UnitSystem) {
        // A session without a weight is the second half of a weigh-in (e.g. pulse wave velocity) on its own.
        return sessions.flatMap((s) => {
          const weight = sessionValue(s, 1);
          if (!weight) return [];
          const fat = sessionValue(s, 6);
          const summary = `Weight ${withUnit(weight.value, weight.unit)}`
            + (fat ? `, fat ${withUnit(fat.value, fat.unit)}` : "") + onDate(s.date, s.timezone);
          const event = { ...sessionHeader(s), ...flatValues(s, WEIGH_IN_TYPES, system), ...sessionDevice(s) };
          return [{ id: s.id, time: s.date, summary, event }];
        });
      },
    },
  }),
  sampleEmit,
};
