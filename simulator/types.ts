import type { Activity, EcgRecord, Device, Goals, MeasureGroup, Measure, SleepSegment, SleepSummary, Workout } from "../common/types";

/** Public shapes of the simulator. Record shapes reuse the package's Withings types. */

export interface SimulatorOptions {
  /** 0 (default) = a random free port on 127.0.0.1. */
  port?: number;
  /** Seed of the deterministic demo user (default 42). */
  seed?: number;
  /** Initial clock, epoch seconds (default: real time at start). */
  now?: number;
  /** When true the clock only moves through `set`/`advance`; by default it also follows real time. */
  frozenClock?: boolean;
  /** Page size of the more/offset services (default 50). */
  pageSize?: number;
  /** Requests per rolling minute per client_id (default 120; 0 disables). */
  rateLimitPerMinute?: number;
  /** Delay before each delivery attempt of a notification, in ms (default: Withings' schedule). */
  notifyRetryDelaysMs?: number[];
  /** Accept http:// loopback callback URLs (real Withings refuses them); for tests and local demos. */
  allowLoopbackCallbacks?: boolean;
  /** Extra redirect URIs registered on the simulated app (the first registered one is always https). */
  redirectUris?: string[];
  /** Skip generating the demo user (an empty user is still created). */
  emptyDemoUser?: boolean;
}

export type FaultKind = "rate_limit" | "timeout" | "http_500" | "malformed_json" | "slow" | "invalid_token";

export interface FaultMatch {
  path?: string;
  action?: string;
  /** Only requests that carry an `offset` (a page after the first). */
  paged?: boolean;
}

export interface SimClock {
  now(): number;
  set(epochSeconds: number): void;
  advance(seconds: number): void;
}

export interface RequestLogEntry {
  path: string;
  action: string;
  status: number;
  at: number;
}

export interface DeliveryLogEntry {
  callbackurl: string;
  form: Record<string, string>;
  attempt: number;
  ok: boolean;
  /** HTTP status of the callback's answer; undefined when it did not answer in time. */
  httpStatus?: number;
  at: number;
  /** On a success: milliseconds from the change being recorded to this 2xx, retries included. */
  delayMs?: number;
}

/** A measure group as given to `addMeasureGroup`; the simulator fills ids and timestamps. */
export interface MeasureGroupInput {
  date?: number;
  attrib?: number;
  category?: number;
  deviceid?: string | null;
  hash_deviceid?: string | null;
  model?: string | null;
  modelid?: number | null;
  measures: Measure[];
  grpid?: number;
}

export interface WeighInInput {
  date?: number;
  weightKg: number;
  fatRatio?: number;
  /** "body_cardio" yields two groups (composition and PWV); "manual" has no device. Default "body_cardio". */
  device?: "body_cardio" | "body_plus" | "manual";
  pwv?: number;
  vascularAge?: number;
}

export interface BloodPressureInput {
  date?: number;
  systolic: number;
  diastolic: number;
  pulse: number;
}

export type ActivityInput = Partial<Activity> & { date: string; source?: "watch" | "phone" };
export type WorkoutInput = Partial<Workout> & { startdate: number; enddate: number; category: number };
export type SleepSummaryInput = Partial<SleepSummary> & { startdate: number; enddate: number };
export type EcgInput = Partial<EcgRecord> & { timestamp?: number; afib?: number };

/** A stethoscope recording as stored: the list's fields plus what only get returns. */
export interface SimStethoRecord {
  signalid: number;
  timestamp: number;
  timezone: string;
  hash_deviceid: string | null;
  vhd: number;
  model: number;
  position: number;
  heart_rate: number;
}
export type StethoInput = Partial<SimStethoRecord>;

export interface IntradayInput {
  [field: string]: number | string | null | undefined;
}

export interface SimulatorData {
  users(): string[];
  /** Creates an empty user (Europe/Paris, no goals) if it does not exist. */
  ensureUser(userid: string, opts?: { timezone?: string }): void;
  timezone(userid: string): string;

  addMeasureGroup(userid: string, group: MeasureGroupInput): MeasureGroup;
  modifyMeasureGroup(userid: string, grpid: number, patch: Partial<Omit<MeasureGroup, "grpid" | "created" | "modified">>): MeasureGroup;
  deleteMeasureGroup(userid: string, grpid: number): void;
  addWeighIn(userid: string, weighIn: WeighInInput): MeasureGroup[];
  addBloodPressure(userid: string, bp: BloodPressureInput): MeasureGroup;

  addActivity(userid: string, activity: ActivityInput): Activity;
  /** Patches the activity row of `date` (the watch's row unless `modelid` says otherwise). */
  modifyActivity(userid: string, date: string, patch: Partial<Activity>, opts?: { modelid?: number }): Activity;
  addIntraday(userid: string, epoch: number, point: IntradayInput): void;
  addWorkout(userid: string, workout: WorkoutInput): Workout;
  modifyWorkout(userid: string, id: number, patch: Partial<Workout>): Workout;
  addSleepSummary(userid: string, summary: SleepSummaryInput): SleepSummary;
  modifySleepSummary(userid: string, id: number, patch: Partial<SleepSummary>): SleepSummary;
  addEcg(userid: string, ecg: EcgInput): EcgRecord;
  /** A BPM Core heart-sound recording (aortic area, no valvular sign, unless given). */
  addStetho(userid: string, stetho: StethoInput): SimStethoRecord;
  setGoals(userid: string, goals: Goals | []): void;
  addDevice(userid: string, device: Device): void;

  measureGroups(userid: string): readonly MeasureGroup[];
  activities(userid: string): readonly Activity[];
  workouts(userid: string): readonly Workout[];
  sleepSummaries(userid: string): readonly SleepSummary[];
  /** Sleep states of one summary's night, with hr/rr/snoring series (generated on demand). */
  sleepSegments(userid: string, summaryId: number): readonly SleepSegment[];
  ecgs(userid: string): readonly EcgRecord[];
  stethos(userid: string): readonly SimStethoRecord[];
  devices(userid: string): readonly Device[];
  goals(userid: string): Goals | [];
}

export interface Simulator {
  /** e.g. http://127.0.0.1:43123 — API base and authorize host. */
  url: string;
  client: { clientId: string; clientSecret: string; redirectUri: string };
  demoUserId: string;
  clock: SimClock;
  issueTokens(opts?: { userid?: string; scopes?: string[] }): { access_token: string; refresh_token: string; userid: string; expires_in: number };
  data: SimulatorData;
  faults: {
    failNext(n: number, kind: FaultKind, match?: FaultMatch): void;
    failRate(probability: number, kinds: FaultKind[], opts?: { seed?: number; match?: FaultMatch }): void;
    clear(): void;
  };
  requests: RequestLogEntry[];
  notifications: {
    /** Every delivery attempt, in order. */
    deliveries: DeliveryLogEntry[];
    /** Resolves when no delivery is pending or in flight. */
    idle(): Promise<void>;
    subscriptions(userid?: string): Array<{ userid: string; appli: number; callbackurl: string; comment: string | null }>;
    /** Notifies appli 46 (`unlink` also happens on its own when the user revokes the app). */
    userAction(userid: string, action: "unlink" | "delete" | "update"): void;
    /** Notifies appli 50 (in bed) or 51 (out of bed), as a Sleep Analyzer does. */
    bedEvent(userid: string, inBed: boolean, deviceid?: string, date?: number): void;
  };
  close(): Promise<void>;
}
