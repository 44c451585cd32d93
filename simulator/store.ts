import type { Activity, Device, EcgRecord, Goals, IntradayPoint, MeasureGroup, SleepSegment, SleepSummary, Workout } from "../common/types";
import { addDays, dayStart, ymdInZone } from "../common/dates";
import { generateSleepSegments } from "./signals";
import { appliForGroup, bloodPressureGroup, weighInGroups } from "./measure-inputs";
import { hexId } from "./random";
import type {
  ActivityInput, BloodPressureInput, EcgInput, IntradayInput, MeasureGroupInput, SimClock, SimulatorData,
  SleepSummaryInput, WeighInInput, WorkoutInput,
} from "./types";
import type { SimStethoRecord, StethoInput } from "./types";

/** Notification category of a change (`appli`), with the time span it covers. */
export interface Change {
  userid: string;
  appli: number;
  startdate: number;
  enddate: number;
}

export interface UserRecord {
  timezone: string;
  measureGroups: MeasureGroup[];
  activities: Activity[];
  intraday: Map<number, IntradayPoint>;
  /** Demo minutes generated on demand for [start, end]. */
  intradayGenerator?: (start: number, end: number) => Record<string, IntradayPoint>;
  workouts: Workout[];
  sleepSummaries: SleepSummary[];
  sleepSegments: Map<number, SleepSegment[]>;
  ecgs: EcgRecord[];
  stethos: SimStethoRecord[];
  devices: Device[];
  goals: Goals | [];
}

export const DEFAULT_TZ = "Europe/Paris";

export class Store implements SimulatorData {
  readonly byUser = new Map<string, UserRecord>();
  private nextGrpid = 5_149_666_500;
  private nextWorkoutId = 3_661_300_000;
  private nextSleepId = 2_081_804_000;
  private nextSignalId = 112_000_000;
  private listeners: Array<(c: Change) => void> = [];
  /** Bumped by every change, so cached list queries know when to compute again. */
  version = 0;

  constructor(private clock: SimClock) {}

  onChange(fn: (c: Change) => void): void {
    this.listeners.push(fn);
  }

  private emit(c: Change): void {
    for (const fn of this.listeners) fn(c);
  }

  user(userid: string): UserRecord {
    const u = this.byUser.get(String(userid));
    if (!u) throw new Error(`Unknown simulator user ${userid}`);
    return u;
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  ensureUser(userid: string, opts: { timezone?: string } = {}): void {
    if (this.byUser.has(userid)) return;
    this.byUser.set(userid, {
      timezone: opts.timezone ?? DEFAULT_TZ, measureGroups: [], activities: [], intraday: new Map(), workouts: [],
      sleepSummaries: [], sleepSegments: new Map(), ecgs: [], stethos: [], devices: [], goals: [],
    });
  }

  timezone(userid: string): string {
    return this.user(userid).timezone;
  }

  // ---- ids, used by the demo generator too -------------------------------------------------
  newGrpid(): number { return (this.nextGrpid += 1 + (this.nextGrpid % 3)); }
  newWorkoutId(): number { return (this.nextWorkoutId += 7); }
  newSleepId(): number { return (this.nextSleepId += 83); }
  newSignalId(): number { return (this.nextSignalId += 1); }

  // ---- measures ------------------------------------------------------------------------------
  addMeasureGroup(userid: string, input: MeasureGroupInput, stamps?: { created: number; modified: number }): MeasureGroup {
    this.version += 1;
    const now = this.clock.now();
    const u = this.user(userid);
    const g: MeasureGroup = {
      grpid: input.grpid ?? this.newGrpid(),
      attrib: input.attrib ?? 0,
      date: input.date ?? now,
      created: stamps?.created ?? now,
      modified: stamps?.modified ?? now,
      category: input.category ?? 1,
      deviceid: input.deviceid === undefined ? null : input.deviceid,
      hash_deviceid: input.hash_deviceid === undefined ? (input.deviceid ?? null) : input.hash_deviceid,
      measures: input.measures.map((m) => ({ ...m, algo: m.algo ?? 0, fm: m.fm ?? 128 })),
      modelid: input.modelid ?? null,
      model: input.model ?? null,
      comment: null,
    };
    u.measureGroups.push(g);
    if (!stamps) this.emit({ userid, appli: appliForGroup(g), startdate: g.date, enddate: g.date });
    return g;
  }

  modifyMeasureGroup(userid: string, grpid: number, patch: Partial<MeasureGroup>): MeasureGroup {
    this.version += 1;
    const g = this.user(userid).measureGroups.find((x) => x.grpid === grpid);
    if (!g) throw new Error(`No measure group ${grpid} for user ${userid}`);
    Object.assign(g, patch, { grpid, created: g.created, modified: this.clock.now() });
    this.emit({ userid, appli: appliForGroup(g), startdate: g.date, enddate: g.date });
    return g;
  }

  deleteMeasureGroup(userid: string, grpid: number): void {
    this.version += 1;
    const u = this.user(userid);
    const g = u.measureGroups.find((x) => x.grpid === grpid);
    if (!g) return;
    u.measureGroups = u.measureGroups.filter((x) => x !== g);
    this.emit({ userid, appli: appliForGroup(g), startdate: g.date, enddate: g.date });
  }

  addWeighIn(userid: string, w: WeighInInput): MeasureGroup[] {
    return weighInGroups(userid, w, this.clock.now()).map((g) => this.addMeasureGroup(userid, g));
  }

  addBloodPressure(userid: string, bp: BloodPressureInput): MeasureGroup {
    return this.addMeasureGroup(userid, bloodPressureGroup(userid, bp));
  }

  // ---- activity ------------------------------------------------------------------------------
  private dayRange(userid: string, ymd: string): [number, number] {
    const tz = this.timezone(userid);
    // A day starts at its first local instant (not 00:00, which some zones skip when DST starts at midnight).
    return [dayStart(ymd, tz), dayStart(addDays(ymd, 1), tz) - 1];
  }

  addActivity(userid: string, input: ActivityInput, modified?: number): Activity {
    this.version += 1;
    const u = this.user(userid);
    const { source = "watch", ...rest } = input;
    const src = source === "watch"
      ? { deviceid: hexId("device", userid, 93), hash_deviceid: hexId("device", userid, 93), brand: 1, is_tracker: true, model: "ScanWatch", modelid: 93 }
      : { deviceid: null, hash_deviceid: null, brand: 18, is_tracker: false, model: "GoogleFit tracker", modelid: 1055 };
    const a: Activity = { ...src, timezone: u.timezone, ...rest, modified: modified ?? this.clock.now() };
    u.activities = u.activities.filter((x) => !(x.date === a.date && x.modelid === a.modelid));
    u.activities.push(a);
    if (modified === undefined) this.emitDay(userid, a.date, 16);
    return a;
  }

  private emitDay(userid: string, ymd: string, appli: number): void {
    const [startdate, enddate] = this.dayRange(userid, ymd);
    this.emit({ userid, appli, startdate, enddate });
  }

  modifyActivity(userid: string, date: string, patch: Partial<Activity>, opts: { modelid?: number } = {}): Activity {
    this.version += 1;
    const modelid = opts.modelid ?? 93;
    const a = this.user(userid).activities.find((x) => x.date === date && x.modelid === modelid);
    if (!a) throw new Error(`No activity on ${date} from model ${modelid} for user ${userid}`);
    Object.assign(a, patch, { date, modified: this.clock.now() });
    this.emitDay(userid, date, 16);
    return a;
  }

  addIntraday(userid: string, epoch: number, point: IntradayInput): void {
    this.version += 1;
    const u = this.user(userid);
    u.intraday.set(epoch, { deviceid: hexId("device", userid, 93), model: "ScanWatch", model_id: 93, ...point });
    this.emit({ userid, appli: 16, startdate: epoch, enddate: epoch });
  }

  addWorkout(userid: string, input: WorkoutInput, modified?: number): Workout {
    this.version += 1;
    const u = this.user(userid);
    const tz = input.timezone ?? u.timezone;
    const w: Workout = {
      id: input.id ?? this.newWorkoutId(), category: input.category, timezone: tz, model: input.model ?? 93,
      attrib: input.attrib ?? 0, startdate: input.startdate, enddate: input.enddate,
      date: input.date ?? ymdOf(input.startdate, tz),
      deviceid: input.deviceid === undefined ? hexId("device", userid, 93) : input.deviceid,
      data: { ...(input.data ?? {}) }, modified: modified ?? this.clock.now(),
    };
    u.workouts.push(w);
    if (modified === undefined) this.emit({ userid, appli: 16, startdate: w.startdate, enddate: w.enddate });
    return w;
  }

  modifyWorkout(userid: string, id: number, patch: Partial<Workout>): Workout {
    this.version += 1;
    const w = this.user(userid).workouts.find((x) => x.id === id);
    if (!w) throw new Error(`No workout ${id} for user ${userid}`);
    Object.assign(w, patch, { id, modified: this.clock.now() });
    this.emit({ userid, appli: 16, startdate: w.startdate, enddate: w.enddate });
    return w;
  }

  // ---- sleep ---------------------------------------------------------------------------------
  addSleepSummary(userid: string, input: SleepSummaryInput, stamps?: { created: number; modified: number }): SleepSummary {
    this.version += 1;
    const u = this.user(userid);
    const now = this.clock.now();
    const tz = input.timezone ?? u.timezone;
    const s: SleepSummary = {
      id: input.id ?? this.newSleepId(), timezone: tz, model: input.model ?? 32, model_id: input.model_id ?? 63,
      hash_deviceid: input.hash_deviceid === undefined ? hexId("device", userid, 63) : input.hash_deviceid,
      startdate: input.startdate, enddate: input.enddate,
      // The summary's date is the local day of waking up.
      date: input.date ?? ymdOf(input.enddate, tz), data: { ...(input.data ?? {}) },
      created: stamps?.created ?? now, modified: stamps?.modified ?? now, completed: input.completed ?? true,
    };
    u.sleepSummaries.push(s);
    if (!stamps) this.emit({ userid, appli: 44, startdate: s.startdate, enddate: s.enddate });
    return s;
  }

  modifySleepSummary(userid: string, id: number, patch: Partial<SleepSummary>): SleepSummary {
    this.version += 1;
    const s = this.user(userid).sleepSummaries.find((x) => x.id === id);
    if (!s) throw new Error(`No sleep summary ${id} for user ${userid}`);
    Object.assign(s, patch, { id, created: s.created, modified: this.clock.now() });
    this.user(userid).sleepSegments.delete(id);
    this.emit({ userid, appli: 44, startdate: s.startdate, enddate: s.enddate });
    return s;
  }

  sleepSegments(userid: string, summaryId: number): readonly SleepSegment[] {
    const u = this.user(userid);
    let segs = u.sleepSegments.get(summaryId);
    if (!segs) {
      const s = u.sleepSummaries.find((x) => x.id === summaryId);
      if (!s) return [];
      segs = generateSleepSegments(s);
      u.sleepSegments.set(summaryId, segs);
    }
    return segs;
  }

  // ---- heart, user ---------------------------------------------------------------------------
  addEcg(userid: string, input: EcgInput, modified?: number): EcgRecord {
    this.version += 1;
    const u = this.user(userid);
    const { afib, ...rest } = input;
    const ts = input.timestamp ?? this.clock.now();
    const e: EcgRecord = {
      deviceid: hexId("device", userid, 93), model: 93, ecg: { signalid: this.newSignalId(), afib: afib ?? 0 },
      heart_rate: 72, timezone: u.timezone, ...rest, timestamp: ts, modified: modified ?? this.clock.now(),
    };
    u.ecgs.push(e);
    if (modified === undefined) this.emit({ userid, appli: 54, startdate: ts, enddate: ts + 30 });
    return e;
  }

  // ---- stetho (heart sounds) ----
  /** No notification: Withings documents no `appli` for stethoscope recordings. */
  addStetho(userid: string, input: StethoInput): SimStethoRecord {
    this.version += 1;
    const u = this.user(userid);
    const s: SimStethoRecord = {
      hash_deviceid: hexId("device", userid, 44), vhd: 0, model: 44, position: 15, heart_rate: 70, timezone: u.timezone,
      ...input, signalid: input.signalid ?? this.newStethoId(), timestamp: input.timestamp ?? this.clock.now(),
    };
    u.stethos.push(s);
    return s;
  }
  stethos(userid: string): readonly SimStethoRecord[] { return this.user(userid).stethos; }
  private nextStethoId = 187_000_000;
  newStethoId(): number { return (this.nextStethoId += 1); }
  // ---- end stetho ----

  setGoals(userid: string, goals: Goals | []): void {
    this.version += 1;
    this.user(userid).goals = goals;
  }

  addDevice(userid: string, device: Device): void {
    this.version += 1;
    this.user(userid).devices.push(device);
  }

  // ---- read access for assertions -----------------------------------------------------------
  measureGroups(userid: string) { return this.user(userid).measureGroups; }
  activities(userid: string) { return this.user(userid).activities; }
  workouts(userid: string) { return this.user(userid).workouts; }
  sleepSummaries(userid: string) { return this.user(userid).sleepSummaries; }
  ecgs(userid: string) { return this.user(userid).ecgs; }
  devices(userid: string) { return this.user(userid).devices; }
  goals(userid: string) { return this.user(userid).goals; }
}

const ymdOf = (epoch: number, tz: string) => ymdInZone(epoch, tz);
