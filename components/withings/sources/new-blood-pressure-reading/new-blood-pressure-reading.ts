import { defineSource } from "@pipedream/types";
import common from "../common/polling";
import { measurementMethods, onDate, sessionDevice, sessionHeader } from "../common/measures";
import { sessionValue, type MeasurementSession } from "../../../../common/decode/sessions";
import { BLOOD_PRESSURE_TYPES } from "../../../../common/codes/measure-types";
import sampleEmit from "./test-event";

export default {
  ...defineSource({
    ...common,
    key: "withings-new-blood-pressure-reading",
    name: "New Blood Pressure Reading",
    description: "Emit new event once per blood pressure reading, with systolic and diastolic pressure (mmHg) and "
      + "pulse (bpm) together in one event. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: { ...common.props },
    methods: {
      ...common.methods,
      ...measurementMethods,
      measurementInput() {
        return { types: BLOOD_PRESSURE_TYPES, system: "metric" as const };
      },
      sessionEvents(sessions: MeasurementSession[]) {
        // Scales also report a pulse (type 11); only a session with a pressure is a blood pressure reading.
        return sessions.flatMap((s) => {
          const systolic = sessionValue(s, 10)?.value ?? null;
          const diastolic = sessionValue(s, 9)?.value ?? null;
          if (systolic === null && diastolic === null) return [];
          const pulse = sessionValue(s, 11)?.value ?? null;
          const summary = `Blood pressure ${systolic ?? "?"}/${diastolic ?? "?"} mmHg`
            + (pulse === null ? "" : `, pulse ${pulse} bpm`) + onDate(s.date, s.timezone);
          const event = {
            ...sessionHeader(s), systolic_mmhg: systolic, diastolic_mmhg: diastolic, pulse_bpm: pulse, ...sessionDevice(s),
          };
          return [{ id: s.id, time: s.date, summary, event }];
        });
      },
    },
  }),
  sampleEmit,
};
