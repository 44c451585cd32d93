/**
 * Property-based sweep over every action and every prop: generated inputs, valid and hostile, either end in
 * well-formed requests (every field in range, nothing negative, no `NaN`/`true`/`[object`) or in a
 * ConfigurationError naming a prop of the action, sent before any request (a time-zone look-up aside).
 * Never another error class, never an out-of-range value on the wire. The seed is fixed so a failure
 * reproduces; set SWEEP_SEED to explore others and SWEEP_RUNS to try more cases.
 */
import "./mock-platform-axios";
import fc from "fast-check";
import { ConfigurationError } from "@pipedream/platform";
import { DATA_FIELDS } from "../../common/codes/data-fields";
import { actionInstance } from "../helpers/context";
import { TOKEN } from "../helpers/http";
import { tsComponents } from "../e2e/sim-helpers";
import { resolvePropDef } from "../../runner/platform";
import { ACTION_PROPS } from "./action-props";

interface Sent { url: string; form: Record<string, string>; auth?: string }
const sent: Sent[] = [];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const platform = require("@pipedream/platform") as { axios: jest.Mock };

const NOW = Date.parse("2026-11-20T12:00:00Z");
/** The widest range any request may carry: 1970 to the end of 2099 (plus a day for time zones). */
const MAX_EPOCH = Date.UTC(2100, 0, 2) / 1000;
const MAX_INT32 = 2 ** 31 - 1;

const BODIES: Record<string, unknown> = {
  getmeas: { updatetime: NOW / 1000, timezone: "Europe/Paris", measuregrps: [] },
  getactivity: { activities: [], more: false, offset: 0 },
  getintradayactivity: { series: [] },
  getworkouts: { series: [], more: false, offset: 0 },
  getsummary: { series: [], more: false, offset: 0 },
  list: { series: [], more: false, offset: 0 },
  getdevice: { devices: [] },
  getgoals: { goals: [] },
};
function reply(url: string, action: string): unknown {
  if (url.endsWith("/notify")) {
    if (action === "list") return { profiles: [] };
    if (action === "get") return { appli: 1, callbackurl: "https://hooks.example.com/withings", comment: "x" };
    return {};
  }
  if (url.endsWith("/v2/heart") && action === "get") return { signal: [1, 2, 3], sampling_frequency: 300, wearposition: 1 };
  if (url.endsWith("/v2/stetho") && action === "get") return { signal: [213, 85, 42], frequency: 4000, position: 18, vhd: 0 };
  if (url.endsWith("/v2/sleep") && action === "get") return { series: [], model: 32 };
  return BODIES[action] ?? {};
}

const ALL_FIELDS = new Set<string>(Object.values(DATA_FIELDS).flat());
const digits = (v: string, max: number) => /^\d+$/.test(v) && Number(v) <= max;
/** A callback URL as sent: absolute http(s), at most 255 characters (https only for a new subscription). */
const urlOk = (v: string, httpsOnly: boolean) => {
  try {
    const u = new URL(v);
    return v.length <= 255 && (u.protocol === "https:" || (!httpsOnly && u.protocol === "http:"));
  } catch {
    return false;
  }
};
const ymdOk = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= "1970-01-01" && v <= "2100-01-01"
  && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** What is wrong with one outgoing request, if anything. */
function problems(r: Sent): string[] {
  const out: string[] = [];
  const f = r.form;
  if (r.auth !== `Bearer ${TOKEN}`) out.push("no Bearer token");
  for (const [k, v] of Object.entries(f)) {
    // A comment is the user's own text: "NaN" is a fine comment.
    if (k !== "comment" && /NaN|undefined|Infinity|\[object|true|false|null/.test(v)) out.push(`${k}=${v}`);
    switch (k) {
      case "action": break;
      case "startdate": case "enddate": case "lastupdate":
        if (!digits(v, MAX_EPOCH)) out.push(`${k}=${v} out of range`);
        break;
      case "startdateymd": case "enddateymd":
        if (!ymdOk(v)) out.push(`${k}=${v} out of range`);
        break;
      case "meastypes":
        if (!v.split(",").every((x) => digits(x, MAX_INT32) && Number(x) > 0)) out.push(`meastypes=${v}`);
        break;
      case "category":
        if (v !== "1" && v !== "2") out.push(`category=${v}`);
        break;
      case "signalid":
        if (!digits(v, Number.MAX_SAFE_INTEGER) || Number(v) <= 0) out.push(`signalid=${v}`);
        break;
      case "data_fields":
        if (!v.split(",").every((x) => ALL_FIELDS.has(x))) out.push(`data_fields=${v}`);
        break;
      case "callbackurl":
        if (!urlOk(v, f.action === "subscribe")) out.push(`callbackurl=${v}`);
        break;
      case "new_callbackurl":
        if (!urlOk(v, true)) out.push(`new_callbackurl=${v}`);
        break;
      case "appli": case "new_appli":
        if (!digits(v, 9999) || Number(v) <= 0) out.push(`${k}=${v}`);
        break;
      case "comment":
        if (v.length > 255) out.push("comment longer than 255 characters");
        break;
      default:
        out.push(`unexpected field ${k}=${v}`);
    }
  }
  if (f.startdate && f.enddate && Number(f.startdate) > Number(f.enddate)) out.push("startdate after enddate");
  if (f.startdateymd && f.enddateymd && f.startdateymd > f.enddateymd) out.push("startdateymd after enddateymd");
  return out;
}

/** Values a hostile user or a broken upstream step could put in any prop. */
const HOSTILE: unknown[] = [
  true, false, null, [], [5], [[1]], [true], {}, { a: 1 }, "0x10", "1e3", "1.5", "-1", " ", "NaN", "Infinity",
  1e20, -0, NaN, Infinity, -Infinity, 1.5, -5, 0, "0", "9999-12-31", "1969-12-31", "1970-01-01", "99999999999",
  "999999999999999999999", "2026-11-20T25:00", "__proto__", "+5", "١٢", "1_000", "0b11", "5 ", "1,2", "[1]",
  "2026-11-20T00:00:00+99:00", "0000-01-01", "-2026-11-20", 2 ** 53, "9007199254740993", [1e20], ["0x10"],
];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.anything({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double());

const date = fc.oneof(
  fc.tuple(fc.integer({ min: 1960, max: 10000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.date({ min: new Date("1960-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date("1960-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
  fc.integer({ min: -200000, max: 200000 }),
  fc.integer({ min: -1e10, max: 2e11 }),
  fc.integer({ min: 0, max: 2e11 }).map(String),
  fc.constant("2026-11-19"), fc.constant("2026-11-14T00:00:00Z"), fc.constant(NOW / 1000 - 3600),
);
const positive = fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.integer({ min: 1, max: 5000 }).map(String));

/** Plausible values for a prop, from its definition (type, options) and its name. */
function validFor(name: string, def: { type?: string; options?: unknown }): fc.Arbitrary<unknown> {
  const options = Array.isArray(def.options)
    ? def.options.map((o: any) => (o && typeof o === "object" ? o.value : o)) : [];
  if (/date|lastupdate/i.test(name)) return date;
  if (name === "timezone") {
    return fc.constantFrom("UTC", "Europe/Paris", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kolkata", "Mars/Olympus", "");
  }
  if (def.type === "string[]") {
    return fc.oneof(fc.subarray(options.length ? options : ["x"]), fc.subarray(options).map((a) => a.join(",")),
      fc.array(fc.string(), { maxLength: 3 }));
  }
  if (def.type === "integer[]") {
    const item = fc.oneof(fc.constantFrom(...options), fc.integer({ min: -5, max: 300 }), fc.integer({ min: 1, max: 300 }).map(String));
    return fc.oneof(fc.array(item, { maxLength: 5 }), fc.array(item, { maxLength: 5 }).map((a) => a.join(",")));
  }
  if (options.length) return fc.oneof(fc.constantFrom(...options), fc.constantFrom(...options).map(String), fc.integer({ min: -3, max: 5 }));
  if (def.type === "integer") return positive;
  return fc.string();
}

/** A value of the wrong kind for an integer prop: the action must refuse it, not coerce it. */
function notAnInteger(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  if (typeof v === "number") return !Number.isSafeInteger(v);
  if (typeof v === "string") return !/^\s*\d+\s*$/.test(v);
  return true;
}

/** The prop and value a correct action must refuse, whatever else the case holds; undefined when none. */
function mustRefuse(props: Record<string, unknown>, defs: Record<string, { type?: string }>): string | undefined {
  for (const [name, v] of Object.entries(props)) {
    const type = defs[name]?.type;
    if (type === "integer" && notAnInteger(v)) return name;
    if (type === "integer[]") {
      const items = Array.isArray(v) ? v : typeof v === "string" ? v.split(",").filter((x) => x.trim()) : [v];
      if (items.some(notAnInteger)) return name;
    }
    if (/date|lastupdate/i.test(name) && (typeof v === "boolean" || Array.isArray(v) || (typeof v === "object" && v !== null)
      || (typeof v === "number" && !Number.isSafeInteger(v)))) return name;
  }
  return undefined;
}

const actions = tsComponents("actions");
/** A valid value of each required prop, kept while another prop gets the hostile value. */
const REQUIRED = ACTION_PROPS;
const stats = { tried: 0, succeeded: 0, refused: 0, refusedAfterZone: 0, bad: [] as string[] };

beforeAll(() => {
  jest.spyOn(Date, "now").mockReturnValue(NOW);
  platform.axios.mockImplementation(async (_step: unknown, config: { url: string; data: string; headers: Record<string, string> }) => {
    const form = Object.fromEntries(new URLSearchParams(config.data));
    sent.push({ url: config.url, form, auth: config.headers?.Authorization });
    return { status: 0, body: reply(config.url, form.action) };
  });
});
afterAll(() => {
  console.info(`input sweep: ${stats.tried} cases tried, ${stats.succeeded} sent well-formed requests, `
    + `${stats.refused} refused before any request, ${stats.refusedAfterZone} refused after the time-zone look-up, `
    + `${stats.bad.length} bad (out-of-range request or wrong error class)`);
  if (process.env.SWEEP_REPORT) console.info(stats.bad.join("\n"));
});

async function tryCase(slug: string, component: any, defs: Record<string, { type?: string }>,
  props: Record<string, unknown>): Promise<void> {
  const propNames = Object.keys(defs);
  sent.length = 0;
  stats.tried++;
  const label = `${slug} ${safeJson(props)}`;
  const self = actionInstance(component, props);
  const $ = { export: () => undefined };
  let err: unknown;
  try {
    await component.run.call(self, { $, steps: {} });
  } catch (e) {
    err = e;
  }
  const wrong = sent.flatMap(problems);
  if (wrong.length) {
    stats.bad.push(`${label}: sent ${wrong.join("; ")}`);
    return;
  }
  const refuse = mustRefuse(props, defs);
  if (err === undefined && refuse) {
    stats.bad.push(`${label}: accepted a value of the wrong kind for ${refuse}`);
    return;
  }
  if (err === undefined) {
    if (sent.length === 0) stats.bad.push(`${label}: succeeded without a request`);
    else stats.succeeded++;
    return;
  }
  if (!(err instanceof ConfigurationError)) {
    stats.bad.push(`${label}: ${(err as Error)?.name}: ${(err as Error)?.message}`);
    return;
  }
  const named = /^Invalid "(\w+)"/.exec(err.message)?.[1];
  if (!named || !propNames.includes(named)) {
    stats.bad.push(`${label}: ConfigurationError names no prop of the action: ${err.message}`);
    return;
  }
  // The only request allowed before a refusal is the look-up of the user's time zone.
  if (sent.length === 0) stats.refused++;
  else if (sent.every((r) => r.url.endsWith("/measure") && r.form.action === "getmeas" && r.form.lastupdate)) stats.refusedAfterZone++;
  else stats.bad.push(`${label}: refused after ${sent.length} data requests`);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return String(v);
  }
}

const SEED = Number(process.env.SWEEP_SEED ?? 20261120);
const RUNS = Number(process.env.SWEEP_RUNS ?? 200);

describe.each(actions.map((a) => [a.slug, a.component] as const))("%s", (slug, component: any) => {
  const defs = Object.fromEntries(Object.entries<unknown>(component.props ?? {})
    .filter(([name]) => name !== "withings")
    .map(([name, raw]) => [name, resolvePropDef(raw) as { type?: string }]));
  const propNames = Object.keys(defs);

  it("refuses or sends well-formed requests for every hostile value of every prop", async () => {
    for (const name of propNames) {
      const others = Object.fromEntries(Object.entries(REQUIRED[slug] ?? {}).filter(([k]) => k !== name));
      for (const value of HOSTILE) await tryCase(slug, component, defs, { [name]: value, ...others });
    }
  });

  it("refuses or sends well-formed requests for generated combinations of props", async () => {
    const arb = fc.record(Object.fromEntries(propNames.map((name) => [name,
      fc.oneof({ weight: 3, arbitrary: validFor(name, defs[name] as never) }, { weight: 1, arbitrary: hostile })])),
    { requiredKeys: [] });
    for (const props of fc.sample(arb, { numRuns: RUNS, seed: SEED + slug.length })) {
      await tryCase(slug, component, defs, props as Record<string, unknown>);
    }
  });
});

test("the sweep found nothing wrong", () => {
  expect(stats.tried).toBeGreaterThan(2000);
  expect(stats.succeeded).toBeGreaterThan(200);
  expect(stats.refused).toBeGreaterThan(500);
  expect(stats.bad.slice(0, 40)).toEqual([]);
});
