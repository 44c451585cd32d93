/**
 * The cursor state machine under any interleaving (issue 15, defect 1): notifications, Safety Checks,
 * failing requests and two "processes" (two instances sharing one db, each with its own in-process state)
 * run side by side against an in-memory getmeas whose clock only moves when told, so catch-ups often start
 * in the same server second as the previous one. Every weigh-in must reach the workflow exactly once.
 */
import fc from "fast-check";
import weighInInstant from "../../components/withings/sources/new-weigh-in-instant/new-weigh-in-instant";
import { compareStates, finished, fromStored, furthest, inProgress, type PollState } from "../../components/withings/sources/common/cursor";
import { WithingsResponseError } from "../../common/errors";
import { instantHarness, UID } from "../helpers/instant-harness";
import { seenBefore } from "../../runner/platform";

const T0 = 1795160000;
const SCALE = "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5";
const PAGE = 3;

describe("compareStates", () => {
  const state = fc.record({
    since: fc.integer({ min: 0, max: 3 }),
    done: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    window: fc.option(fc.record({ opened: fc.integer({ min: 0, max: 2 }), offset: fc.integer({ min: 1, max: 3 }),
      pages: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
  }) as fc.Arbitrary<PollState>;

  it("is a total order: antisymmetric, transitive, and `furthest` does not depend on the order of its arguments", () => {
    fc.assert(fc.property(state, state, state, (a, b, c) => {
      expect(Math.sign(compareStates(a, b))).toBe(-Math.sign(compareStates(b, a)) || 0);
      if (compareStates(a, b) <= 0 && compareStates(b, c) <= 0) expect(compareStates(a, c)).toBeLessThanOrEqual(0);
      if (compareStates(a, b) !== 0) expect(furthest(a, b)).toEqual(furthest(b, a));
    }));
  });

  it("lets a finished window beat every state of its own progress, also when it ends where it began", () => {
    fc.assert(fc.property(state, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 50 }), (from, gain, pages) => {
      const start: PollState = { since: from.since, done: from.done };
      const half = inProgress(start, { opened: 9, offset: pages, pages });
      const end = finished(start, start.since + gain);
      expect(furthest(half, end)).toEqual(end);
      expect(furthest(end, half)).toEqual(end);
      expect(compareStates(half, start)).toBeGreaterThan(0);
      // The next window started from the finished state is ahead of it again.
      expect(compareStates(inProgress(end, { opened: 10, offset: 1, pages: 1 }), end)).toBeGreaterThan(0);
    }));
  });

  it("keeps the stored form a bare number when since moved on, and reads back the count when it did not", () => {
    expect(finished({ since: 5 }, 9)).toEqual({ since: 9 });
    expect(finished({ since: 5, done: 2 }, 5)).toEqual({ since: 5, done: 3 });
    expect(finished({ since: 5 }, 4)).toEqual({ since: 5, done: 1 });
    expect(fromStored({ since: 5, done: 3, window: { opened: 1, offset: 2, pages: 1 } }))
      .toEqual({ since: 5, done: 3, window: { opened: 1, offset: 2, pages: 1 } });
  });
});

type Op =
  | { kind: "sync"; n: number; to: number[] }
  | { kind: "tick"; proc: number }
  | { kind: "advance"; seconds: number }
  | { kind: "fault"; calls: number }
  | { kind: "steps"; count: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ kind: fc.constant("sync" as const), n: fc.constant(n),
    to: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }) })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tick" as const), proc: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), seconds: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fault" as const), calls: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("steps" as const), count: fc.integer({ min: 0, max: 6 }) }) },
);

let now = T0;
beforeEach(() => {
  now = T0;
  jest.spyOn(Date, "now").mockImplementation(() => now * 1000);
  jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

test("every weigh-in is emitted exactly once, whatever the interleaving of notifications, Safety Checks and failures", async () => {
  await fc.assert(fc.asyncProperty(fc.scheduler(), fc.array(op, { minLength: 1, maxLength: 25 }), async (s, ops) => {
    now = T0;
    const groups: any[] = [];
    let faults = 0;
    // getmeas as Withings pages it: changed after `lastupdate`, newest first, `updatetime` its own clock.
    const getMeasures = s.scheduleFunction(async (args: Record<string, unknown>) => {
      if (faults > 0) {
        faults -= 1;
        throw new WithingsResponseError("Withings getmeas failed with HTTP 500. Try again later.", 500, "http", "getmeas");
      }
      const offset = Number(args.offset ?? 0);
      const all = groups.filter((g) => g.modified > Number(args.lastupdate)).sort((a, b) => b.date - a.date);
      const more = offset + PAGE < all.length;
      return { measuregrps: all.slice(offset, offset + PAGE), updatetime: now, timezone: "UTC", ...(more ? { more: 1, offset: offset + PAGE } : {}) };
    });
    const procs = [0, 1].map(() => instantHarness(weighInInstant));
    const [a, b] = procs;
    b.self.db = a.db;
    b.self.http.endpoint = `${a.self.http.endpoint}-b`; // in-process coalescing is per process
    for (const p of procs) {
      Object.assign(p.self.withings, {
        getMeasures,
        listNotifications: async () => ({ profiles: [{ appli: 1, callbackurl: a.self.http.endpoint }] }),
        subscribeNotification: async () => ({}),
      });
    }
    const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
    const deploy = a.deploy();
    await s.waitIdle();
    await deploy;

    const running: Promise<unknown>[] = [];
    let next = 0;
    for (const o of ops) {
      if (o.kind === "sync") {
        // A device syncs n readings in the same server second; Withings sends one notification each.
        for (let i = 0; i < o.n; i++) {
          next += 1;
          groups.push({ grpid: next, attrib: 0, date: T0 - 100_000 + next * 60, created: now, modified: now, category: 1,
            deviceid: SCALE, hash_deviceid: SCALE, measures: [{ value: 70_000 + next, type: 1, unit: -3 }], modelid: 5, model: "Body+" });
        }
        for (const p of o.to) running.push(quiet(procs[p].notify({ userid: UID, appli: 1, startdate: now - 1, enddate: now })));
      } else if (o.kind === "tick") running.push(quiet(procs[o.proc].tick()));
      else if (o.kind === "advance") now += o.seconds;
      else if (o.kind === "fault") faults += o.calls;
      else for (let i = 0; i < o.count && s.count() > 0; i++) await s.waitNext(1);
    }
    await s.waitIdle();
    await Promise.all(running);
    // Withings is well again; a later Safety Check (or notification) catches up on whatever failed.
    faults = 0;
    now += 2;
    for (let i = 0; i < 3; i++) {
      const tick = quiet(a.tick());
      await s.waitIdle();
      await tick;
    }
    // What a workflow receives: `unique` dedupe over one source's emits, whichever process made them.
    const recent: string[] = [];
    const count = new Map<string, number>();
    for (const e of [...a.emitted, ...b.emitted]) {
      if (!seenBefore(recent, e.meta.id)) count.set(e.meta.id, (count.get(e.meta.id) ?? 0) + 1);
    }
    const expected = groups.map((g) => `${g.date}-${SCALE}`).sort();
    expect([...count.keys()].sort()).toEqual(expected);
    expect([...count.values()].filter((c) => c !== 1)).toEqual([]);
    expect(fromStored(a.db.get("cursor"))?.window).toBeUndefined();
  }), { numRuns: 150 });
});
