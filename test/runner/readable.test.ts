import { describeEvent, describeRecord, describeResult, wrap, wrapParts } from "../../runner/readable";

describe("readable output", () => {
  it("wraps at spaces, never inside a date and time, a zone or a number with its unit", () => {
    const text = "Retrieved 25 sleep segments (7 h 21 min asleep) from 2026-11-24 23:09 to 2026-11-25 23:09 Europe/Paris";
    for (let width = 20; width <= 100; width++) {
      const lines = wrap(text, width);
      expect(lines.join(" ")).toBe(text);
      for (const l of lines) {
        expect(l).not.toMatch(/^(\d{2}:\d{2}|Europe\/Paris|h |min|kg)\b/);
        expect(l).not.toMatch(/ \d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(wrap("a verylongwordthatdoesnotfit b", 5)).toEqual(["a", "verylongwordthatdoesnotfit", "b"]);
  });

  it("wraps fields only between them", () => {
    expect(wrapParts(["attrib_name: Device, known user", "trusted: true"], 35)).toEqual(["attrib_name: Device, known user,", "trusted: true"]);
  });

  it("shows a measure group by its time and decoded values with units, leaving out codes and ids", () => {
    const group = {
      grpid: 1, date: 1795156920, date_iso: "2026-11-20T07:42:00+01:00", timezone: "Europe/Paris", attrib: 0,
      deviceid: "a3c5", modelid: 6, model: "Body Cardio", created: 1, modified: 1,
      values: { weight: 72.4, fat_ratio: 18.1 }, units: { weight: "kg", fat_ratio: "%" },
      measures: [{ type: 1, value: 72.4 }],
    };
    expect(describeRecord(group, 200)).toEqual([
      "date_iso: 2026-11-20T07:42:00+01:00, values: weight 72.4 kg, fat_ratio 18.1 %, timezone: Europe/Paris, model: Body Cardio",
    ]);
    expect(describeRecord(group, 50, 2)).toEqual([
      "date_iso: 2026-11-20T07:42:00+01:00,",
      "values: weight 72.4 kg, fat_ratio 18.1 %, … 2 more",
    ]);
  });

  it("shows a single object on a line or two, long lists counted", () => {
    const signal = { signalid: 7, sampling_frequency: 300, wearposition: 1, wearposition_name: "left_wrist", signal: Array(9000).fill(1) };
    expect(describeResult(signal, 100)).toEqual(["signalid: 7, sampling_frequency: 300, wearposition_name: left_wrist, signal: [9000 values]"]);
    expect(describeResult([{ a: 1 }, { a: 2 }], 100, 1)).toEqual(["• a: 1", "… and 1 more"]);
    expect(describeResult([], 100)).toEqual(["(an empty list)"]);
  });

  it("labels an event's time with the user's zone unless the summary already gives it", () => {
    expect(describeEvent("Slept 7 h, night of 2026-11-20", 1795130400_000, "Europe/Paris", 200))
      .toEqual(["Slept 7 h, night of 2026-11-20 · event time 2026-11-20 00:20 Europe/Paris"]);
    expect(describeEvent("Weight 72.4 kg on 2026-11-20 00:20 Europe/Paris", 1795130400_000, "Europe/Paris", 200))
      .toEqual(["Weight 72.4 kg on 2026-11-20 00:20 Europe/Paris"]);
  });
});
