/** The runner's stand-in for the platform, driving real components against the simulator. */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Simulator } from "../../simulator/types";
import getMeasures from "../../components/withings/actions/get-measures/get-measures";
import {
  coerce, HttpEndpoint, instantiate, makeStep, missingRequiredProps, propOptions, resolvePropDef, runAction, SourceHost,
  type Auth, type ComponentLike,
} from "../../runner/platform";
import { FileDb, writeFileAtomic } from "../../runner/state";
import { APP, login, startSim, tsComponents } from "../e2e/sim-helpers";

const action = getMeasures as unknown as ComponentLike;
let sim: Simulator;
let auth: Auth;
let dir: string;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerMinute: 0 });
  auth = await login(sim);
});
afterAll(() => sim.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "withings-runner-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("props", () => {
  test("a propDefinition resolves to the app's shared definition, with its default", () => {
    const def = resolvePropDef(action.props!.maxResults);
    expect(def).toMatchObject({ type: "integer", label: "Max Results", default: 100 });
    const self = instantiate(action, { auth });
    expect(self.maxResults).toBe(100);
    expect(self.unitSystem).toBe("metric");
    expect(self.category).toBe(1);
    expect(self.startDate).toBeUndefined();
  });

  test("the app prop is the app's methods with $auth, and component methods sit on this", () => {
    const self = instantiate(action, { auth });
    expect(typeof self.withings.getMeasures).toBe("function");
    expect(self.withings.$auth.base_url).toBe(sim.url);
    expect(self.withings.$auth.oauth_access_token).toBe(auth.oauth_access_token);
  });

  test("command-line strings become the prop's type", () => {
    expect(coerce("n", { type: "integer" }, "42")).toBe(42);
    expect(coerce("t", { type: "integer[]" }, "1,9, 10")).toEqual([1, 9, 10]);
    expect(coerce("t", { type: "integer[]" }, "[1,11]")).toEqual([1, 11]);
    expect(coerce("s", { type: "string[]" }, "steps,hr_average")).toEqual(["steps", "hr_average"]);
    expect(coerce("b", { type: "boolean" }, "false")).toBe(false);
    expect(coerce("o", { type: "object" }, '{"a":1}')).toEqual({ a: 1 });
    expect(coerce("n", { type: "integer" }, 7)).toBe(7);
    expect(() => coerce("n", { type: "integer" }, "1.5")).toThrow(/n must be an integer/);
    expect(() => coerce("b", { type: "boolean" }, "yes")).toThrow(/true or false/);
  });

  test("unknown props and missing required props are refused", () => {
    expect(() => instantiate(action, { auth, props: { startdate: "x" } })).toThrow(/Unknown prop: startdate/);
    const ecg = tsComponents("actions").find((c) => c.slug === "get-ecg-signal");
    if (ecg) {
      expect(missingRequiredProps(ecg.component)).toEqual(["signalId"]);
      expect(() => instantiate(ecg.component, { auth })).toThrow(/Missing required prop "signalId"/);
    }
  });

  test("static options are listed as the UI lists them", async () => {
    const opts = await propOptions(action, "unitSystem", auth);
    expect(opts.map((o) => o.value)).toEqual(["metric", "imperial"]);
    const types = await propOptions(action, "measureTypes", auth);
    expect(types.find((o) => o.value === 1)?.label).toMatch(/Weight/);
  });
});

describe("actions", () => {
  test("runAction runs against the simulator and captures $summary and the return value", async () => {
    const r = await runAction(action, { auth, props: { startDate: "946684800", maxResults: "5" } });
    expect(Array.isArray(r.result)).toBe(true);
    expect((r.result as unknown[]).length).toBe(5);
    expect(r.summary).toMatch(/^Retrieved 5 measure groups from 2000-01-01 to /);
    expect(r.exports.$summary).toBe(r.summary);
  });

  test("$.flow.exit ends a run without an error", async () => {
    const c: ComponentLike = { type: "action", key: "x", props: {}, async run({ $ }: any) { $.export("$summary", "early"); return $.flow.exit("done"); } };
    const r = await runAction(c, { auth });
    expect(r.summary).toBe("early");
    expect(r.result).toBeUndefined();
  });

  test("makeStep records exports", () => {
    const $ = makeStep();
    $.export("$summary", "hi");
    $.export("other", 1);
    expect($.summary).toBe("hi");
    expect($.exports).toEqual({ $summary: "hi", other: 1 });
  });
});

describe("sources and the db file", () => {
  /** A tiny polling source on getmeas with a lastupdate checkpoint, to test the runner alone. */
  const counter: ComponentLike = {
    type: "source",
    key: "test-counter",
    dedupe: "unique",
    props: { withings: APP, db: "$.service.db", timer: { type: "$.interface.timer", default: { intervalSeconds: 900 } } },
    methods: {
      _getSince(this: any) { return this.db.get("since") ?? 0; },
      _setSince(this: any, v: number) { this.db.set("since", v); },
    },
    hooks: {
      async deploy(this: any) { this._setSince(sim.clock.now() - 3 * 86400); },
    },
    async run(this: any) {
      const body = await this.withings.getMeasures({ category: 1, lastupdate: this._getSince() });
      let max = this._getSince();
      for (const g of body.measuregrps) {
        this.$emit(g, { id: String(g.grpid), summary: `group ${g.grpid}`, ts: g.date * 1000 });
        max = Math.max(max, g.modified);
      }
      this._setSince(max);
    },
  };

  test("the db is kept in a JSON file between runs (one file per component)", async () => {
    const path = join(dir, "sim", "test-counter.json");
    const first = new SourceHost(counter, { auth, dbPath: path });
    expect(first.deployed).toBe(false);
    await first.deploy();
    await first.run();
    const saved = JSON.parse(readFileSync(path, "utf8"));
    expect(saved.deployed).toBe(true);
    expect(typeof saved.db.since).toBe("number");
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // A second process: same file, same checkpoint, nothing new to emit.
    const second = new SourceHost(counter, { auth, dbPath: path });
    expect(second.deployed).toBe(true);
    expect(second.self.db.get("since")).toBe(saved.db.since);
    const again = await second.run();
    expect(again.emitted.filter((e) => !e.duplicate)).toHaveLength(0);

    // New data arrives: only it is emitted.
    const [group] = sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 30, weightKg: 70.1, device: "body_plus" });
    const third = await new SourceHost(counter, { auth, dbPath: path }).run();
    expect(third.emitted.map((e) => e.meta.id)).toEqual([String(group.grpid)]);
  });

  test("dedupe unique flags ids already emitted, as the platform drops them", async () => {
    const db = new FileDb(join(dir, "d.json"));
    const twice: ComponentLike = { ...counter, hooks: {}, async run(this: any) { this.$emit({}, { id: "a" }); this.$emit({}, { id: "a" }); this.$emit({}, { id: "b" }); } };
    const host = new SourceHost(twice, { auth, db });
    const r = await host.run();
    expect(r.emitted.map((e) => [e.meta.id, e.duplicate])).toEqual([["a", false], ["a", true], ["b", false]]);
    // Remembered across hosts through the file.
    const later = await new SourceHost(twice, { auth, dbPath: join(dir, "d.json") }).run();
    expect(later.emitted.every((e) => e.duplicate)).toBe(true);
  });

  test("db values are copies: mutating what get() returned does not change the stored state", () => {
    const db = new FileDb(undefined);
    db.set("list", [1, 2]);
    (db.get("list") as number[]).push(3);
    expect(db.get("list")).toEqual([1, 2]);
  });
});

describe("the HTTP interface", () => {
  test("requests reach run() as Pipedream events, and http.respond answers them", async () => {
    const seen: any[] = [];
    const instant: ComponentLike = {
      type: "source", key: "test-instant",
      props: { withings: APP, http: { type: "$.interface.http", customResponse: true }, db: "$.service.db" },
      async run(this: any, event: any) {
        seen.push(event);
        this.http.respond({ status: 202, body: { got: event.body.appli } });
        this.$emit(event.body, { id: event.body.startdate, summary: "ping" });
      },
    };
    let host!: SourceHost;
    const endpoint = new HttpEndpoint(async (e) => { await host.run(e); }, true);
    await endpoint.listen();
    host = new SourceHost(instant, { auth, http: endpoint.iface });
    expect(host.self.http.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    try {
      const head = await fetch(endpoint.endpoint, { method: "HEAD" });
      expect(head.status).toBe(200);
      const res = await fetch(`${endpoint.endpoint}hook?k=1`, {
        method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "userid=1&appli=4&startdate=10",
      });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ got: "4" });
      expect(seen[0]).toMatchObject({ method: "POST", path: "/hook", query: { k: "1" }, bodyRaw: "userid=1&appli=4&startdate=10" });
    } finally {
      await endpoint.close();
    }
  });
});

test("writeFileAtomic replaces the file through a rename and leaves no temp file", () => {
  const path = join(dir, "f.json");
  writeFileAtomic(path, "one");
  const inode = statSync(path).ino;
  writeFileAtomic(path, "two");
  expect(readFileSync(path, "utf8")).toBe("two");
  expect(statSync(path).ino).not.toBe(inode);
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(require("node:fs").readdirSync(dir)).toEqual(["f.json"]);
});
