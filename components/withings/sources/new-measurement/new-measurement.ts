import { defineSource } from "@pipedream/types";
import withings from "../../withings.app";
import common from "../common/polling";
import { measurementMethods, onDate, withUnit } from "../common/measures";
import { validate } from "../../common/component";
import { parseChoice, parseMeasureTypes } from "../../../../common/inputs";
import { UNIT_SYSTEMS } from "../../../../common/decode/units";
import type { MeasurementSession } from "../../../../common/decode/sessions";
import sampleEmit from "./test-event";

/**
 * "Weight 72.4 kg, fat ratio 18.1 %, fat mass 13.1 kg and 3 more", or "Blood pressure 121/78 mmHg, heart pulse
 * 64 bpm": systolic before diastolic, as people write them, and names in sentence case ("SpO2", "QT" kept).
 */
function describe(s: MeasurementSession): string {
  const names = new Map<string, string>();
  for (const m of s.measures) {
    const k = m.position_name ? `${m.key}_${m.position_name}` : m.key;
    if (!names.has(k)) names.set(k, m.position_name ? `${m.name} (${m.position_name.replace(/_/g, " ")})` : m.name);
  }
  const lower = (name: string) => name.split(" ").map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(" ");
  const parts: string[] = [];
  let keys = Object.keys(s.values);
  const { systolic_bp: sys, diastolic_bp: dia } = s.values;
  if (sys !== undefined && dia !== undefined) {
    parts.push(`blood pressure ${sys}/${dia} ${s.units.systolic_bp}`);
    keys = keys.filter((k) => k !== "systolic_bp" && k !== "diastolic_bp");
  }
  for (const k of keys) parts.push(`${lower(names.get(k) ?? k)} ${withUnit(s.values[k], s.units[k])}`);
  const text = parts.slice(0, 3).join(", ") + (parts.length > 3 ? ` and ${parts.length - 3} more` : "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default {
  ...defineSource({
    ...common,
    key: "withings-new-measurement",
    name: "New Measurement",
    description: "Emit new event for each new body measurement session (weight and body composition, blood "
      + "pressure, temperature, SpO2 and more). Groups taken at the same time on the same device are merged into "
      + "one event with every value decoded, named and in real units. [See the documentation](https://developer.withings.com/api-reference/#tag/measure/operation/measure-getmeas)",
    version: "0.0.1",
    type: "source",
    dedupe: "unique",
    props: {
      ...common.props,
      measureTypes: { propDefinition: [withings, "measureTypes"] },
      unitSystem: { propDefinition: [withings, "unitSystem"] },
    },
    methods: {
      ...common.methods,
      ...measurementMethods,
      measurementInput() {
        return validate(() => ({
          types: parseMeasureTypes(this.measureTypes),
          system: parseChoice(this.unitSystem, UNIT_SYSTEMS, "unitSystem", "metric"),
        }));
      },
      sessionEvents(sessions: MeasurementSession[]) {
        return sessions.map((s) => ({
          id: s.id, time: s.date, summary: describe(s) + onDate(s.date, s.timezone), event: s as never,
        }));
      },
    },
  }),
  sampleEmit,
};
