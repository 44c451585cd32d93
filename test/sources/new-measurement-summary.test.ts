import measurement from "../../components/withings/sources/new-measurement/new-measurement";
import { loadFixture } from "../helpers/fixtures";
import { resetHttp } from "../helpers/http";
import { fakeGetmeas, setNow, sourceHarness } from "../helpers/source-harness";

/** New Measurement's one-line summaries, as a workflow builder reads them in the event list. */
const T0 = 1795160000; // 2026-11-20T07:33:20Z

afterEach(() => {
  resetHttp();
  jest.restoreAllMocks();
});

async function summaries(groups: unknown[]): Promise<string[]> {
  setNow(T0);
  const server = fakeGetmeas();
  server.records = groups as never;
  server.serve(1);
  const h = sourceHarness(measurement);
  await h.deploy();
  return h.emitted.map((e) => e.meta.summary as string);
}

function group(grpid: number, date: number, measures: Array<[type: number, value: number, unit: number]>) {
  return {
    grpid, attrib: 0, date, created: date + 60, modified: date + 60, category: 1, deviceid: "77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b",
    hash_deviceid: "77b0d41c9a2e4f6b8d1c3e5f7a9b0c2d4e6f8a1b", modelid: 45, model: "BPM Connect", comment: null,
    measures: measures.map(([type, value, unit]) => ({ type, value, unit, algo: 0, fm: 0 })),
  };
}

describe("New Measurement summaries", () => {
  it("give blood pressure as systolic/diastolic, then the other values in sentence case", async () => {
    // Withings lists diastolic (9) before systolic (10); people read 121/78.
    expect(await summaries([group(1, T0 - 3600, [[9, 78, 0], [10, 121, 0], [11, 64, 0]])])).toEqual([
      "Blood pressure 121/78 mmHg, heart pulse 64 bpm on 2026-11-20 07:33 Europe/Paris",
    ]);
  });

  it("keep acronyms and count what they leave out", async () => {
    const text = await summaries([group(2, T0 - 3600, [[54, 97, 0], [71, 3675, -2], [11, 61, 0], [10, 130, 0], [9, 85, 0]])]);
    expect(text).toEqual(["Blood pressure 130/85 mmHg, SpO2 97 %, body temperature 36.75 °C and 1 more on 2026-11-20 07:33 Europe/Paris"]);
  });

  it("read the recorded blood-pressure session of the fixture the same way", async () => {
    const text = await summaries(loadFixture("source-measure-getmeas").body.measuregrps);
    expect(text[1]).toBe("Blood pressure 121/78 mmHg, heart pulse 64 bpm on 2026-11-19 16:30 Europe/Paris");
  });
});
