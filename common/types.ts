/**
 * Withings request and response shapes, with the quirks real responses have
 * (`modelid` vs `model_id`, nullable device ids, `goals: []`, `more` as 0/1 or boolean,
 * `userid` as number or string).
 */

export interface Envelope<T> {
  status: number;
  body: T;
  error?: string;
}

/** `more` is 0/1 on getmeas and a boolean on v2 services. */
export type More = boolean | 0 | 1;

export interface Paged {
  more?: More;
  offset?: number | string;
}

/** Form fields sent with a request; undefined values are dropped, arrays become comma lists. */
export type FormValue = string | number | boolean | readonly (string | number)[] | undefined | null;
export type FormFields = Record<string, FormValue>;

export interface Measure {
  value: number;
  type: number;
  unit: number;
  algo?: number;
  fm?: number;
  position?: number;
  apppfmid?: number;
  appliver?: number;
}

export interface MeasureGroup {
  grpid: number;
  attrib: number;
  date: number;
  created: number;
  modified: number;
  category: number;
  deviceid: string | number | null;
  hash_deviceid?: string | null;
  model?: string | null;
  modelid?: number | null;
  /** The spec's name; real responses use `modelid`. */
  model_id?: number | null;
  comment?: string | null;
  probability?: number;
  measures: Measure[];
}

export interface GetMeasBody extends Paged {
  updatetime?: number | string;
  timezone?: string;
  measuregrps: MeasureGroup[];
}

export interface Activity {
  date: string;
  timezone?: string;
  deviceid?: string | null;
  hash_deviceid?: string | null;
  brand?: number;
  is_tracker?: boolean;
  modified?: number;
  model?: string | null;
  modelid?: number | null;
  model_id?: number | null;
  [field: string]: unknown;
}

export interface GetActivityBody extends Paged {
  activities: Activity[];
}

export interface IntradayPoint {
  deviceid?: string | null;
  model?: string | null;
  model_id?: number | null;
  [field: string]: unknown;
}

export interface GetIntradayBody {
  series: Record<string, IntradayPoint> | [];
}

export interface Workout {
  id: number;
  category: number;
  timezone?: string;
  model?: number | string | null;
  attrib?: number;
  startdate: number;
  enddate: number;
  date: string;
  modified?: number;
  deviceid?: string | null;
  data?: Record<string, number | string | null>;
}

export interface GetWorkoutsBody extends Paged {
  series: Workout[];
}

export interface SleepSegment {
  startdate: number;
  enddate: number;
  state: number;
  model?: string | null;
  model_id?: number | null;
  hash_deviceid?: string | null;
  [field: string]: unknown;
}

export interface GetSleepBody {
  series: SleepSegment[];
  model?: number;
}

export interface SleepSummary {
  id: number;
  timezone?: string;
  model?: number;
  model_id?: number | null;
  hash_deviceid?: string | null;
  startdate: number;
  enddate: number;
  date: string;
  created?: number;
  modified?: number;
  completed?: boolean;
  data?: Record<string, unknown>;
}

export interface GetSleepSummaryBody extends Paged {
  series: SleepSummary[];
}

export interface EcgRecord {
  deviceid?: string | null;
  model?: number | null;
  ecg?: { signalid: number; afib: number };
  bloodpressure?: { diastole: number; systole: number };
  stetho?: { signalid: number; vhd: number };
  heart_rate?: number;
  modified?: number;
  timestamp: number;
  timezone?: string;
}

export interface HeartListBody extends Paged {
  series: EcgRecord[];
}

export interface HeartGetBody {
  signal: number[];
  sampling_frequency: number;
  wearposition?: number;
  model?: number;
  heart_rate?: number;
}

export interface Device {
  type: string;
  model: string | null;
  model_id: number | null;
  battery?: string;
  deviceid: string | null;
  hash_deviceid?: string | null;
  timezone?: string;
  first_session_date?: number | null;
  last_session_date?: number | null;
}

export interface GetDeviceBody {
  devices: Device[];
}

export interface Goals {
  steps?: number;
  sleep?: number;
  weight?: { value: number; unit: number };
}

/** With no goals Withings returns `goals: []`, not an object. */
export interface GetGoalsBody {
  goals: Goals | [];
}

export interface NotifyProfile {
  appli: number;
  callbackurl: string;
  expires?: number;
  comment?: string | null;
}

export interface NotifyListBody {
  profiles: NotifyProfile[];
}

export interface TokenBody {
  userid: number | string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  csrf_token?: string;
  token_type: string;
}

export interface NonceBody {
  nonce: string;
}

// ---- Stetho v2 (heart sounds of a BPM Core or BeamO) -------------------------------------------

/** One recording of Stetho v2 List. The list carries no device model and no modification time. */
export interface StethoRecord {
  hash_deviceid?: string | null;
  signalid: number;
  vhd?: number | null;
  timestamp: number;
  timezone?: string | null;
}

export interface StethoListBody extends Paged {
  series: StethoRecord[];
}

/** Stetho v2 Get. `signal` holds G.711 A-law codes, one byte per sample. */
export interface StethoGetBody {
  signal: number[] | string;
  frequency?: number;
  duration?: number;
  format?: number;
  size?: number;
  resolution?: number;
  channel?: number;
  model?: number;
  position?: number;
  vhd?: number;
}
