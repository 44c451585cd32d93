/** Calling the tools against the simulator's demo account: decoded, capped replies, ECG image, WAV audio. */
import { call, connect, harness, replyBytes, type CallResult, type Harness } from "./harness";
import { RECORD_BUDGET } from "../src/reply";

let h: Harness;
let ecgId: number;
let stethoId: number;
beforeAll(async () => {
  h = await harness();
  // As an agent would: the ids come from the list tools.
  ecgId = (await call(h.client, "withings_list_ecg_recordings")).structuredContent!.records[0].signalid;
  stethoId = (await call(h.client, "withings_list_stethoscope_recordings")).structuredContent!.records[0].signalid;
});
afterAll(() => h.close());

const HOOK = "https://hooks.example.com/withings";
/** Arguments a tool cannot run without; every other argument keeps its default. */
function required(name: string): Record<string, unknown> {
  if (name === "withings_get_ecg_signal") return { signalId: ecgId };
  if (name === "withings_get_stethoscope_signal") return { signalId: stethoId };
  if (name.includes("notification_subscription") && !name.includes("list")) return { callbackUrl: HOOK, appli: 1 };
  if (name === "withings_subscribe_to_notifications") return { callbackUrl: HOOK, appli: 1 };
  return {};
}

/** What Withings (or the component's own check) answers the subscription tools on the demo account. */
const REFUSAL: Record<string, RegExp> = {
  withings_get_notification_subscription: /^Withings get failed with status 343 \(No notification matching the criteria\)/,
  withings_revoke_notification_subscription: /^Withings revoke failed with status 294/,
  withings_subscribe_to_notifications: /^Withings refused to send .* \(status 293\)/,
  withings_update_notification_subscription: /^Invalid argument for withings_update_notification_subscription: Invalid "newCallbackUrl"/,
};

const textOf = (r: CallResult, i = 0) => r.content.filter((c) => c.type === "text")[i]?.text ?? "";

describe("each tool with its defaults", () => {
  it("answers every tool: summary first, the same JSON as text and structured content, under 25 KB", async () => {
    const { tools } = await h.client.listTools();
    const sizes: Record<string, number> = {};
    for (const t of tools) {
      const r = await call(h.client, t.name, required(t.name));
      sizes[t.name] = replyBytes(r);
      expect(r.content[0].type).toBe("text");
      if (!("callbackUrl" in (t.inputSchema.properties ?? {}))) {
        expect({ tool: t.name, isError: r.isError ?? false }).toEqual({ tool: t.name, isError: false });
        expect(textOf(r).startsWith(r.structuredContent!.summary)).toBe(true);
        expect(JSON.parse(textOf(r, 1))).toEqual(r.structuredContent);
      } else {
        // The demo account has no subscription and cannot reach a public callback URL: Withings' refusal is a result.
        expect({ tool: t.name, isError: r.isError }).toEqual({ tool: t.name, isError: true });
        expect(textOf(r)).toMatch(REFUSAL[t.name]);
      }
      expect({ tool: t.name, bytes: sizes[t.name] }).toEqual({ tool: t.name, bytes: expect.any(Number) });
      expect(sizes[t.name]).toBeLessThan(25_000);
    }
    expect(Object.keys(sizes)).toHaveLength(tools.length);
  });

  it("lists records decoded, with their total", async () => {
    const r = await call(h.client, "withings_list_devices");
    expect(r.structuredContent).toMatchObject({ summary: "Found 6 devices", total: 6, returned: 6, truncated: false });
    expect(r.structuredContent!.records[0]).toMatchObject({ type: expect.any(String), model: expect.any(String) });
  });
});

describe("long series", () => {
  it("are capped by default, with the total and how to ask for more (never an offset)", async () => {
    const r = await call(h.client, "withings_get_measures");
    const s = r.structuredContent!;
    expect(s.truncated).toBe(true);
    expect(s.returned).toBeLessThan(s.total);
    expect(s.records).toHaveLength(s.returned);
    expect(Buffer.byteLength(JSON.stringify(s.records))).toBeLessThanOrEqual(RECORD_BUDGET);
    expect(s.more).toBe(`Showing ${s.returned} of ${s.total} records. Call withings_get_measures again with max_records `
      + `(up to ${s.total}), or narrow startDate/endDate to see more.`);
    expect(textOf(r)).toContain(s.more);
    expect(JSON.stringify(r)).not.toMatch(/offset/i);
  });

  it("give as many as asked with max_records", async () => {
    const all = await call(h.client, "withings_get_measures", { max_records: 1000 });
    expect(all.structuredContent).toMatchObject({ truncated: false });
    expect(all.structuredContent!.returned).toBe(all.structuredContent!.total);
    const two = await call(h.client, "withings_get_measures", { max_records: 2 });
    expect(two.structuredContent).toMatchObject({ returned: 2, truncated: true });
    expect(two.structuredContent!.records).toEqual(all.structuredContent!.records.slice(0, 2));
  });
});

describe("recordings", () => {
  it("returns the ECG as a PNG image with heart rate, AFib and duration; samples only when asked", async () => {
    const signalId = ecgId;
    const r = await call(h.client, "withings_get_ecg_signal", { signalId });
    const image = r.content.find((c) => c.type === "image")!;
    expect(image.mimeType).toBe("image/png");
    expect(Buffer.from(image.data!, "base64").subarray(1, 4).toString()).toBe("PNG");
    const record = r.structuredContent!.record;
    expect(record).toMatchObject({ signalid: signalId, heart_rate: expect.any(Number), duration_seconds: expect.any(Number) });
    expect(record.recording.afib_result).toEqual(expect.any(String));
    expect(record.signal).toBeUndefined();
    expect(textOf(r)).toMatch(/Heart rate \d+ bpm, AFib result: \w+, .*duration \d+ s\./);
    expect(r.structuredContent!.omitted).toEqual([expect.stringMatching(/^signal \(\d+ samples\): call again with include_samples: true/)]);
    const full = await call(h.client, "withings_get_ecg_signal", { signalId, include_samples: true });
    expect(full.structuredContent!.record.signal).toHaveLength(record.sample_count);
  });

  it("returns the heart sound as WAV audio with its facts", async () => {
    const signalId = stethoId;
    const r = await call(h.client, "withings_get_stethoscope_signal", { signalId });
    const audio = r.content.find((c) => c.type === "audio")!;
    expect(audio.mimeType).toBe("audio/wav");
    expect(Buffer.from(audio.data!, "base64").subarray(0, 4).toString()).toBe("RIFF");
    expect(r.structuredContent!.attachments).toEqual([{ name: `withings-stetho-${signalId}.wav`, mimeType: "audio/wav", bytes: expect.any(Number) }]);
    expect(textOf(r)).toMatch(/Valvular heart disease \(VHD\) result: \w+/);
  });

  it("embeds the WAV as a resource for clients without audio", async () => {
    const { client, close } = await connect(h.account, { audioAs: "resource" });
    const signalId = stethoId;
    const r = await call(client, "withings_get_stethoscope_signal", { signalId });
    await close();
    const res = r.content.find((c) => c.type === "resource")!;
    expect(res.resource).toMatchObject({ uri: `withings://files/withings-stetho-${signalId}.wav`, mimeType: "audio/wav" });
    expect(r.content.some((c) => c.type === "audio")).toBe(false);
  });
});
