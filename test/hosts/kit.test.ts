/** The hosts' shared kit: the catalog follows the folders, props describe themselves, hosts' HTTP and tokens. */
import { catalogSource, slugs } from "../../scripts/catalog";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { actions, sources } from "../../hosts/kit/catalog";
import { describeProps, slugOf } from "../../hosts/kit/describe";
import { recordsOf } from "../../hosts/kit/records";
import { coerceLoosely } from "../../hosts/kit/props";
import { runAction } from "../../hosts/kit/run";
import { fetchSend, isExpiredToken, refreshingSend, type Send } from "../../hosts/kit/transport";
import { WithingsAuthError } from "../../common/errors";
import type { Simulator } from "../../simulator/types";
import { login, startSim } from "../e2e/sim-helpers";

const ROOT = join(__dirname, "..", "..");

describe("catalog", () => {
  it("is what `npm run catalog` writes from components/withings (run it after adding a component)", () => {
    expect(readFileSync(join(ROOT, "hosts/kit/catalog.ts"), "utf8")).toBe(catalogSource());
  });
  it("holds every action and source folder under its own key", () => {
    expect(Object.keys(actions)).toEqual(slugs("actions"));
    expect(Object.keys(sources)).toEqual(slugs("sources"));
    for (const [slug, c] of [...Object.entries(actions), ...Object.entries(sources)]) expect(slugOf(c)).toBe(slug);
    expect(Object.keys(actions).length).toBeGreaterThanOrEqual(17);
  });
});

describe("recordsOf", () => {
  it("gives a list's elements, one object, or nothing, wrapping bare values", () => {
    expect(recordsOf([{ a: 1 }, 2, [3]])).toEqual([{ a: 1 }, { value: 2 }, { value: [3] }]);
    expect(recordsOf({ a: 1 })).toEqual([{ a: 1 }]);
    expect(recordsOf("done")).toEqual([{ value: "done" }]);
    expect(recordsOf(null)).toEqual([]);
    expect(recordsOf(undefined)).toEqual([]);
    expect(recordsOf([])).toEqual([]);
  });
});

describe("coerceLoosely", () => {
  it("reads clean strings as the prop's type and leaves the rest as they came", () => {
    expect(coerceLoosely("integer", " 5 ")).toBe(5);
    expect(coerceLoosely("boolean", "true")).toBe(true);
    expect(coerceLoosely("integer[]", "[9, 10]")).toEqual([9, 10]);
    expect(coerceLoosely("integer[]", "9,10")).toEqual([9, 10]);
    expect(coerceLoosely("string[]", "steps, calories")).toEqual(["steps", "calories"]);
    expect(coerceLoosely("integer", "5.5")).toBe("5.5");
    expect(coerceLoosely("integer", "")).toBe("");
    expect(coerceLoosely("boolean", "yes")).toBe("yes");
    expect(coerceLoosely("integer[]", "[9, x")).toBe("[9, x");
    expect(coerceLoosely("integer", 7)).toBe(7);
  });
});

describe("describeProps", () => {
  it("resolves shared definitions, required-ness, defaults, options, and hides the app", () => {
    const props = describeProps(actions["get-measures"]);
    expect(props.map((p) => p.name)).toEqual([
      "measureTypes", "category", "startDate", "endDate", "lastUpdate", "unitSystem", "timezone", "maxResults",
    ]);
    const max = props.find((p) => p.name === "maxResults")!;
    expect(max).toMatchObject({ type: "integer", label: "Max Results", required: false, default: 100, min: 1, dynamicOptions: false });
    expect(props.find((p) => p.name === "unitSystem")!.options!.map((o) => o.value)).toEqual(["metric", "imperial"]);
    const signal = describeProps(actions["get-ecg-signal"]).find((p) => p.name === "signalId")!;
    expect(signal).toMatchObject({ required: true, dynamicOptions: true });
    expect(signal.options).toBeUndefined();
  });
});

describe("a host's own HTTP and token refresh", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  it("runs an action through fetch instead of platform axios, with the same request", async () => {
    const auth = await login(sim);
    const sent: string[] = [];
    const base = fetchSend();
    const send: Send = (a) => {
      sent.push(`${a.url.replace(sim.url, "")} ${new URLSearchParams(a.body).get("action")} ${a.headers.Authorization === `Bearer ${auth.oauth_access_token}`}`);
      return base(a);
    };
    const r = await runAction(actions["list-devices"], { auth, appOverrides: { _send: send } });
    expect(sent).toEqual(["/v2/user getdevice true"]);
    expect(r.summary).toMatch(/^Found \d+ devices?$/);
  });

  it("refreshes once on a body status 401 and sends again with the new token", async () => {
    const auth = await login(sim);
    let current = "expired-token";
    const refreshed: string[] = [];
    const send = refreshingSend(fetchSend(), {
      accessToken: () => current,
      async refresh(stale) {
        refreshed.push(stale);
        current = auth.oauth_access_token;
        return current;
      },
    });
    const r = await runAction(actions["list-devices"], { auth: { ...auth, oauth_access_token: "ignored" }, appOverrides: { _send: send } });
    expect(refreshed).toEqual(["expired-token"]);
    expect(r.summary).toMatch(/^Found \d+ devices?$/);
  });

  it("gives up after one refresh: a token still refused is the typed reconnect error", async () => {
    const send = refreshingSend(fetchSend(), { accessToken: () => "dead", refresh: async () => "still-dead" });
    const auth = { oauth_access_token: "dead", base_url: sim.url };
    await expect(runAction(actions["list-devices"], { auth, appOverrides: { _send: send } })).rejects.toBeInstanceOf(WithingsAuthError);
  });

  it("tells an expired token from other answers", () => {
    expect(isExpiredToken('{"status":401,"body":{},"error":"invalid_token"}')).toBe(true);
    expect(isExpiredToken({ status: 0, body: {} })).toBe(false);
    expect(isExpiredToken("not json")).toBe(false);
  });

  it("hands files to the host's sink instead of /tmp", async () => {
    const auth = await login(sim);
    const files: Record<string, Buffer | string> = {};
    const sink = { write: (name: string, data: Buffer | string) => { files[name] = data; return `sink:${name}`; } };
    const r = await runAction(actions["get-stethoscope-signal"], {
      auth, files: sink, props: { signalId: (await firstStetho(auth)) },
    });
    const wav = Object.keys(files).find((n) => n.endsWith(".wav"))!;
    expect((r.result as { audio: { wav_path: string } }).audio.wav_path).toBe(`sink:${wav}`);
    expect((files[wav] as Buffer).subarray(0, 4).toString()).toBe("RIFF");
  });

  async function firstStetho(auth: { oauth_access_token: string }): Promise<number> {
    const r = await runAction(actions["list-stethoscope-recordings"], { auth: auth as never, props: { maxResults: 1 } });
    return (r.result as Array<{ signalid: number }>)[0].signalid;
  }
});
