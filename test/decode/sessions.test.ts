import { mergeSessions, sessionId, sessionValue } from "../../common/decode/sessions";
import type { MeasureGroup } from "../../common/types";
import { loadFixture } from "../helpers/fixtures";

const groups = (): MeasureGroup[] => loadFixture("source-measure-getmeas").body.measuregrps;
const SCALE = "a3c5e19b07d24f1c8e6b5a4d3c2b1a09f8e7d6c5";

describe("mergeSessions", () => {
  it("merges groups with the same date and device, oldest session first", () => {
    const sessions = mergeSessions(groups(), "Europe/Paris");
    expect(sessions.map((s) => s.id)).toEqual([
      "1795050000-manual", "1795102200-77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b", `1795156920-${SCALE}`,
    ]);
    const scale = sessions[2];
    expect(scale.grpids).toEqual([6120045101, 6120045102, 6120045103]);
    expect(scale.attribs).toEqual([0, 8]);
    expect(scale.values).toMatchObject({ weight: 72.4, pulse_wave_velocity: 7.34, vascular_age: 38, heart_pulse: 61 });
    expect(scale.measures).toHaveLength(10);
    expect(scale).toMatchObject({ created: 1795156951, modified: 1795156951, model: "Body Cardio", trusted: true });
  });

  it("gives the same id whatever the order or subset of groups it is read from", () => {
    const all = groups();
    const a = mergeSessions([all[1]], "UTC")[0].id;
    const b = mergeSessions([...all].reverse(), "UTC").find((s) => s.grpids.includes(6120045102))!.id;
    expect(a).toBe(b);
  });

  it("keeps sessions of different devices at the same time apart", () => {
    const [g] = groups();
    const other = { ...g, grpid: 9999999999, deviceid: "ffff", hash_deviceid: "ffff" };
    expect(mergeSessions([g, other], "UTC").map((s) => s.id)).toEqual([`1795156920-${SCALE}`, "1795156920-ffff"]);
  });

  it("takes the earliest created, the latest modified, and marks a session untrusted if any group is", () => {
    const [g1, g2] = groups();
    const [s] = mergeSessions([{ ...g1, modified: 1795200000 }, { ...g2, attrib: 1, created: 1795156900 }], "UTC");
    expect(s).toMatchObject({ created: 1795156900, modified: 1795200000, trusted: false });
  });

  it("converts units and returns [] for no groups", () => {
    expect(mergeSessions([groups()[0]], "UTC", "imperial")[0].units.weight).toBe("lb");
    expect(mergeSessions([], "UTC")).toEqual([]);
  });
});

describe("sessionId", () => {
  it("keeps a plain device id, and digests a long or unusual one to stay within 64 characters", () => {
    expect(sessionId(1795156920, SCALE)).toBe(`1795156920-${SCALE}`);
    expect(sessionId(1795156920, null)).toBe("1795156920-manual");
    const long = sessionId(1795156920, "x".repeat(200));
    expect(long).toMatch(/^1795156920-[0-9a-f]{40}$/);
    expect(sessionId(1795156920, "id with spaces")).toMatch(/^1795156920-[0-9a-f]{40}$/);
    expect(sessionId(1795156920, "id with spaces")).not.toBe(sessionId(1795156920, "id with spaces!"));
  });
});

describe("sessionValue", () => {
  it("prefers the whole-body reading over segment readings", () => {
    const [g] = groups();
    const withSegments = {
      ...g, measures: [{ value: 300, type: 8, unit: -2, position: 12 }, { value: 1310, type: 8, unit: -2, position: 7 }],
    };
    const [s] = mergeSessions([withSegments], "UTC");
    expect(sessionValue(s, 8)?.value).toBe(13.1);
    expect(sessionValue(s, 1)).toBeNull();
  });
});
