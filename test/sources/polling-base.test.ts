import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import { boundedId, deviceKey, orderEvents } from "../../components/withings/sources/common/polling";
import measurement from "../../components/withings/sources/new-measurement/new-measurement";
import weighIn from "../../components/withings/sources/new-weigh-in/new-weigh-in";
import bloodPressure from "../../components/withings/sources/new-blood-pressure-reading/new-blood-pressure-reading";
import activity from "../../components/withings/sources/new-daily-activity/new-daily-activity";
import sleep from "../../components/withings/sources/new-sleep-summary/new-sleep-summary";
import workout from "../../components/withings/sources/new-workout/new-workout";
import ecg from "../../components/withings/sources/new-ecg-recording/new-ecg-recording";

const SOURCES: any[] = [measurement, weighIn, bloodPressure, activity, sleep, workout, ecg];

describe("the polling base", () => {
  it.each(SOURCES.map((s) => [s.key, s]))("%s polls on the default timer, keeps a db, and starts at 0.0.1", (_key, s: any) => {
    expect(s.props.timer).toMatchObject({ type: "$.interface.timer", default: { intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } });
    expect(s.props.db).toBe("$.service.db");
    expect(s.version).toBe("0.0.1");
    expect(typeof s.hooks.deploy).toBe("function");
    expect(String(s.sampleEmit.id).length).toBeLessThanOrEqual(64);
  });

  it("orders events oldest first, breaks ties by id, and keeps one event per id", () => {
    const e = (id: string, time: number) => ({ id, time, summary: id, event: { id } });
    expect(orderEvents([e("b", 2), e("c", 1), e("a", 2), e("c", 1)]).map((x) => x.id)).toEqual(["c", "a", "b"]);
  });

  it("skips an event without a finite time and refuses an id over 64 characters", () => {
    expect(orderEvents([{ id: "x", time: NaN, summary: "", event: null }, { id: "y", time: 1, summary: "", event: null }])
      .map((e) => e.id)).toEqual(["y"]);
    expect(() => orderEvents([{ id: "x".repeat(65), time: 1, summary: "", event: null }])).toThrow("longer than 64");
  });

  it("builds ids that stay stable and within 64 characters", () => {
    expect(boundedId("2026-11-20", "abc", 1795160000)).toBe("2026-11-20-abc-1795160000");
    const long = boundedId("2026-11-20", "d".repeat(80), 1795160000);
    expect(long).toMatch(/^2026-11-20-[0-9a-f]{40}$/);
    expect(boundedId("2026-11-20", "d".repeat(80), 1795160000)).toBe(long);
    expect(boundedId("2026-11-20", "d".repeat(80), 1795160001)).not.toBe(long);
  });

  it("names a device by id, else by model, else unknown", () => {
    expect(deviceKey("abc", 93)).toBe("abc");
    expect(deviceKey(null, 1055)).toBe("model1055");
    expect(deviceKey(undefined, null)).toBe("unknown");
  });
});
