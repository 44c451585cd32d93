import { createHash } from "node:crypto";
import type { MeasureGroup } from "../types";
import { decodeMeasureGroup, valueKey, type DecodedMeasure } from "./measures";
import type { UnitSystem } from "./units";

/**
 * One physical measurement (a weigh-in, a blood-pressure reading) can arrive as several measure
 * groups: a Body Cardio weigh-in sends body composition and pulse wave velocity separately. Groups
 * with the same `date` and device are one session.
 */
export interface MeasurementSession {
  /** `<date>-<device>`: the same for every read of the session, at most 64 characters. */
  id: string;
  date: number;
  date_iso: string;
  timezone: string;
  deviceid: string | null;
  modelid: number | null;
  model: string | null;
  grpids: number[];
  attribs: number[];
  /** False when any group may belong to someone else (attrib 1 or 4). */
  trusted: boolean;
  category: number;
  /** Earliest `created` and latest `modified` of the groups. */
  created: number;
  modified: number;
  values: Record<string, number>;
  units: Record<string, string>;
  measures: DecodedMeasure[];
}

const MANUAL = "manual";

/** Device part of a session id: the device id when it is short and plain, else a 40-character digest. */
function deviceKey(deviceid: string | null): string {
  if (deviceid === null || deviceid === "") return MANUAL;
  return /^[A-Za-z0-9_]{1,48}$/.test(deviceid) ? deviceid : createHash("sha1").update(deviceid).digest("hex");
}

/** Stable id of the session measured at `date` (unix s) on `deviceid` (null for manual entries). */
export function sessionId(date: number, deviceid: string | null): string {
  return `${date}-${deviceKey(deviceid)}`;
}

/**
 * Decodes measure groups and merges those sharing `date` and device into sessions, oldest first.
 * Values keep the first group's entry when two groups carry the same key; every measure stays in `measures`.
 */
export function mergeSessions(groups: readonly MeasureGroup[], timezone: string,
  system: UnitSystem = "metric"): MeasurementSession[] {
  const byId = new Map<string, MeasurementSession>();
  const ordered = [...groups].sort((a, b) => a.date - b.date || a.grpid - b.grpid);
  for (const g of ordered) {
    const d = decodeMeasureGroup(g, timezone, system);
    const id = sessionId(d.date, d.deviceid);
    const s = byId.get(id);
    if (!s) {
      byId.set(id, {
        id, date: d.date, date_iso: d.date_iso, timezone, deviceid: d.deviceid, modelid: d.modelid, model: d.model,
        grpids: [d.grpid], attribs: [d.attrib], trusted: d.trusted, category: d.category,
        created: d.created, modified: d.modified, values: { ...d.values }, units: { ...d.units }, measures: [...d.measures],
      });
      continue;
    }
    s.grpids.push(d.grpid);
    if (!s.attribs.includes(d.attrib)) s.attribs.push(d.attrib);
    s.trusted &&= d.trusted;
    s.created = Math.min(s.created, d.created);
    s.modified = Math.max(s.modified, d.modified);
    s.modelid ??= d.modelid;
    s.model ??= d.model;
    for (const m of d.measures) {
      const k = valueKey(m);
      if (!(k in s.values)) {
        s.values[k] = m.value;
        s.units[k] = m.unit;
      }
      s.measures.push(m);
    }
  }
  return [...byId.values()];
}

/**
 * The session's value of one measure type: the whole-body reading when segment readings exist too.
 * Null when the session has none.
 */
export function sessionValue(s: MeasurementSession, type: number): DecodedMeasure | null {
  const all = s.measures.filter((m) => m.type === type);
  return all.find((m) => m.position === null || m.position_name === "whole_body") ?? all[0] ?? null;
}
