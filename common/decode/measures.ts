import { measureTypeInfo } from "../codes/measure-types";
import { ATTRIBS, POSITIONS, UNTRUSTED_ATTRIBS, codeLabel } from "../codes/misc";
import { deviceModelName } from "../codes/device-models";
import { isoInZone } from "../dates";
import type { Measure, MeasureGroup } from "../types";
import { convert, realValue, type UnitSystem } from "./units";

export interface DecodedMeasure {
  type: number;
  key: string;
  name: string;
  value: number;
  unit: string;
  position: number | null;
  position_name: string | null;
  raw_value: number;
  raw_unit: number;
}

export interface DecodedMeasureGroup {
  grpid: number;
  date: number;
  date_iso: string;
  timezone: string;
  attrib: number;
  attrib_name: string | null;
  trusted: boolean;
  category: number;
  deviceid: string | null;
  modelid: number | null;
  model: string | null;
  created: number;
  modified: number;
  /** Named real values, e.g. `{ weight: 72.4, fat_ratio: 18.1 }`; segment values carry their position. */
  values: Record<string, number>;
  /** Unit of each entry of `values`. */
  units: Record<string, string>;
  measures: DecodedMeasure[];
}

export function decodeMeasure(m: Measure, system: UnitSystem = "metric"): DecodedMeasure {
  const info = measureTypeInfo(m.type);
  const { value, unit } = convert(realValue(m.value, m.unit), info.unit, info.quantity, system);
  const position = typeof m.position === "number" ? m.position : null;
  return {
    type: m.type,
    key: info.key,
    name: info.name,
    value,
    unit,
    position,
    position_name: codeLabel(POSITIONS, position, "position"),
    raw_value: m.value,
    raw_unit: m.unit,
  };
}

/** The field name a decoded measure gets in `values`. */
export function valueKey(m: DecodedMeasure): string {
  return m.position_name ? `${m.key}_${m.position_name}` : m.key;
}

export function decodeMeasureGroup(g: MeasureGroup, timezone: string, system: UnitSystem = "metric"): DecodedMeasureGroup {
  const measures = (g.measures ?? []).map((m) => decodeMeasure(m, system));
  const values: Record<string, number> = {};
  const units: Record<string, string> = {};
  for (const m of measures) {
    const k = valueKey(m);
    // Keep the first of duplicated types within one group; all of them stay in `measures`.
    if (!(k in values)) {
      values[k] = m.value;
      units[k] = m.unit;
    }
  }
  const modelid = g.modelid ?? g.model_id ?? null;
  return {
    grpid: g.grpid,
    date: g.date,
    date_iso: isoInZone(g.date, timezone),
    timezone,
    attrib: g.attrib,
    attrib_name: codeLabel(ATTRIBS, g.attrib, "attrib"),
    trusted: !UNTRUSTED_ATTRIBS.includes(g.attrib),
    category: g.category,
    deviceid: g.deviceid === null || g.deviceid === undefined ? null : String(g.deviceid),
    modelid,
    model: deviceModelName(modelid, g.model),
    created: g.created,
    modified: g.modified,
    values,
    units,
    measures,
  };
}
