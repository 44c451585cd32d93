import { measureTypeInfo } from "../../../../common/codes/measure-types";
import { shortInZone } from "../../../../common/dates";
import { mergeSessions, sessionId, sessionValue, type MeasurementSession } from "../../../../common/decode/sessions";
import { convert, type UnitSystem } from "../../../../common/decode/units";
import type { Offset } from "../../../../common/paginate";
import type { GetMeasBody, MeasureGroup } from "../../../../common/types";
import type { PolledEvent } from "./events";
import { fetchPage, isLaterEdit, type PageResult, type PollWindow, type RunContext } from "./polling";

/** Shared by the three measurement sources (polling and instant): one getmeas page at a time, merged into sessions. */

/** Seconds re-read before the cursor on every getmeas poll. */
export const LASTUPDATE_SLACK = 10;

/** What a measurement source polls for: its measure types (undefined for all) and unit system. */
export interface MeasurementInput {
  types: readonly number[] | undefined;
  system: UnitSystem;
}

interface MeasurementCtx {
  /** Groups of the session at the end of the last page: the rest of it may be on the next page. */
  carry?: MeasureGroup[];
  timezone?: string;
}

const groupSession = (g: MeasureGroup) => sessionId(g.date, g.deviceid === null || g.deviceid === undefined ? null : String(g.deviceid));

/**
 * One page of measurement sessions created or changed since the window's start. The cursor is getmeas's
 * own `updatetime`, re-read with a few seconds of slack. A group Withings returns only because it was
 * edited later (created before the window) is not a new measurement and is left out. When more pages
 * follow, the session of the page's last group is held back: its other groups may open the next page.
 */
export async function readSessions(app: any, window: PollWindow, offset: Offset, scratch: RunContext,
  input: MeasurementInput): Promise<Omit<PageResult, "events"> & { sessions: MeasurementSession[] }> {
  const ctx = scratch as MeasurementCtx;
  // Whether `lastupdate` is strict or inclusive is undocumented: re-read a few seconds so a group stored in the
  // same second as the previous answer is not skipped; its stable session id absorbs the repeat.
  const args = { meastypes: input.types, category: 1, lastupdate: Math.max(0, window.since - LASTUPDATE_SLACK) };
  const page = await fetchPage<GetMeasBody, MeasureGroup>(app, app.getMeasures, "getmeas", args, offset, "measuregrps");
  ctx.timezone = page.body.timezone || ctx.timezone || "UTC";
  const fresh = page.records.filter((g) => !isLaterEdit(g.created, window));
  let groups = [...(ctx.carry ?? []), ...fresh];
  ctx.carry = [];
  if (page.more && fresh.length > 0) {
    const boundary = groupSession(fresh[fresh.length - 1]);
    ctx.carry = groups.filter((g) => groupSession(g) === boundary);
    groups = groups.filter((g) => groupSession(g) !== boundary);
  }
  const updatetime = Number(page.body.updatetime);
  return {
    sessions: mergeSessions(groups, ctx.timezone, input.system),
    more: page.more, offset: page.offset, action: page.action,
    until: Number.isFinite(updatetime) && updatetime > 0 ? updatetime : undefined,
  };
}

/** Sessions still held back when a run stops mid-window. */
export function flushSessions(scratch: RunContext, system: UnitSystem): MeasurementSession[] {
  const ctx = scratch as MeasurementCtx;
  const carry = ctx.carry ?? [];
  ctx.carry = [];
  return carry.length ? mergeSessions(carry, ctx.timezone ?? "UTC", system) : [];
}

/** What each measurement source adds to `this`: its input and how its sessions become events. */
interface MeasurementThis {
  withings: any;
  measurementInput(): MeasurementInput;
  sessionEvents(sessions: MeasurementSession[], system: UnitSystem): PolledEvent[];
}

/** `readPage`/`flushPage` of the polling base, for every getmeas source. */
export const measurementMethods = {
  async readPage(this: MeasurementThis, window: PollWindow, offset: Offset, ctx: RunContext): Promise<PageResult> {
    const input = this.measurementInput();
    const { sessions, ...page } = await readSessions(this.withings, window, offset, ctx, input);
    return { ...page, events: this.sessionEvents(sessions, input.system) };
  },
  flushPage(this: MeasurementThis, ctx: RunContext): PolledEvent[] {
    const { system } = this.measurementInput();
    return this.sessionEvents(flushSessions(ctx, system), system);
  },
};

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
