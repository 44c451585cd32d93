import { measureTypeInfo } from "../../../../common/codes/measure-types";
import { shortInZone } from "../../../../common/dates";
import { mergeSessions, sessionValue, type MeasurementSession } from "../../../../common/decode/sessions";
import { convert, type UnitSystem } from "../../../../common/decode/units";
import type { GetMeasBody, MeasureGroup } from "../../../../common/types";
import { fetchAll, isLaterEdit, OVERLAP, type PollWindow } from "./polling";

/** Shared by the three measurement sources: one getmeas poll, merged into sessions. */

/** Seconds re-read before the cursor on every getmeas poll. */
export const LASTUPDATE_SLACK = 10;

/**
 * Measurement sessions created or changed since the window's start, and the next cursor (getmeas's own
 * `updatetime`, re-read with a few seconds of slack). A group Withings returns only because it was edited later
 * (created before the window) is not a new measurement and is left out.
 */
export async function pollSessions(app: any, window: PollWindow, types: readonly number[] | undefined,
  system: UnitSystem): Promise<{ sessions: MeasurementSession[]; cursor: number }> {
  // Whether `lastupdate` is strict or inclusive is undocumented: re-read a few seconds so a group stored in the
  // same second as the previous answer is not skipped; its stable session id absorbs the repeat.
  const args = { meastypes: types, category: 1, lastupdate: Math.max(0, window.since - LASTUPDATE_SLACK) };
  const { records, first } = await fetchAll<GetMeasBody, MeasureGroup>(app, app.getMeasures, args, "getmeas",
    (b) => b.measuregrps);
  const fresh = records.filter((g) => !isLaterEdit(g.created, window));
  const updatetime = Number(first?.updatetime);
  return {
    sessions: mergeSessions(fresh, first?.timezone || "UTC", system),
    cursor: Number.isFinite(updatetime) && updatetime > 0 ? updatetime : window.now - OVERLAP,
  };
}

/** " on 2026-11-20 07:42 Europe/Paris" */
export function onDate(time: number, tz: string): string {
  return ` on ${shortInZone(time, tz)} ${tz}`;
}

/** "72.4 kg", "18.1 %", "38" */
export function withUnit(value: number, unit: string): string {
  return unit ? `${value} ${unit}` : String(value);
}

/** Column-safe unit suffix: "kg", "lb", "percent", "mmhg", "m_per_s", "" for unitless. */
export function unitSuffix(unit: string): string {
  return unit.replace(/%/g, "percent").replace(/\//g, "_per_").replace(/µ/g, "u")
    .replace(/°/g, "deg").replace(/[^A-Za-z0-9_]/g, "").toLowerCase();
}

/**
 * Flat, always-present fields for a fixed list of types, named after the value and its unit
 * (`weight_kg`, or `weight_lb` in imperial), null when the session lacks that type.
 */
export function flatValues(s: MeasurementSession, types: readonly number[], system: UnitSystem): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const code of types) {
    const info = measureTypeInfo(code);
    const { unit } = convert(0, info.unit, info.quantity, system);
    const suffix = unitSuffix(unit);
    out[suffix ? `${info.key}_${suffix}` : info.key] = sessionValue(s, code)?.value ?? null;
  }
  return out;
}

/** Fields every measurement event starts with. */
export function sessionHeader(s: MeasurementSession) {
  return { id: s.id, date: s.date, date_iso: s.date_iso, timezone: s.timezone };
}

/** Fields every measurement event ends with. */
export function sessionDevice(s: MeasurementSession) {
  return { device_model: s.model, deviceid: s.deviceid, grpids: s.grpids, trusted: s.trusted };
}
