/** Searches and creates: one per action, generated from the catalog, run against the simulator. */
import nock from "nock";
import type { Simulator } from "../../../simulator/types";
import { annotationsOf, catalog, describeProps } from "../../../hosts/kit";
import { actionKey, kindOf, optionsKey, searchLabel } from "../src/actions";
import { fileStash } from "../src/run";
import { App, appTester, authData, failure, hookServer, startZapierSim, stopZapierSim } from "./helpers";

let sim: Simulator;
let auth: Record<string, string>;
const realStash = fileStash.stash;
beforeEach(async () => {
  sim = await startZapierSim();
  auth = authData(sim);
  fileStash.stash = async (_z, data, name) => `https://zapier-files.example.com/${name}?bytes=${data.length}`;
});
afterEach(async () => {
  fileStash.stash = realStash;
  nock.cleanAll();
  await stopZapierSim(sim);
});

const searches = () => App.searches as Record<string, any>;
const creates = () => App.creates as Record<string, any>;
const dataRequests = () => sim.requests.filter((r) => r.path !== "/v2/oauth2").length;

test("every action is a search or a create: writes (readOnlyHint false) are creates, reads are \"Find …\" searches", () => {
  const slugs = Object.keys(catalog.actions);
  expect(slugs.length).toBeGreaterThanOrEqual(17);
  for (const slug of slugs) {
    const component = catalog.actions[slug];
    const key = actionKey(slug);
    const write = annotationsOf(component).readOnlyHint === false;
    expect(kindOf(component)).toBe(write ? "create" : "search");
    const def = write ? creates()[key] : searches()[key];
    if (!def) throw new Error(`action ${slug} has no Zapier ${write ? "create" : "search"}`);
    expect((write ? searches() : creates())[key]).toBeUndefined();
    if (!write) expect(def.display.label).toBe(searchLabel(String(component.name)));
    if (!write) expect(def.display.label).toMatch(/^Find /);
    expect(def.display.description).toMatch(/Not for medical use/);
    // Every prop of the component is an input field, and a dynamic one has its hidden dropdown trigger.
    const fields = def.operation.inputFields as Array<{ key: string; dynamic?: string }>;
    for (const p of describeProps(component)) {
      const f = fields.find((x) => x.key === p.name);
      expect(f).toBeDefined();
      if (p.dynamicOptions) {
        expect(f!.dynamic).toBe(`${optionsKey(slug, p.name)}.id.label`);
        expect(App.triggers[optionsKey(slug, p.name)].display.hidden).toBe(true);
      }
    }
  }
  expect(Object.keys(searches()).length + Object.keys(creates()).length).toBe(slugs.length);
});

async function firstChoice(slug: string, prop: string): Promise<string> {
  const choices = await appTester(App.triggers[optionsKey(slug, prop)].operation.perform, { authData: auth, inputData: {} }) as Array<{ id: string; label: string }>;
  expect(choices.length).toBeGreaterThan(0);
  expect(choices[0].label).toBeTruthy();
  return choices[0].id;
}

describe("searches", () => {
  test.each([
    ["get_daily_activity", {}], ["get_goals", {}], ["get_intraday_activity", {}], ["get_measures", {}],
    ["get_sleep", {}], ["get_sleep_summary", {}], ["get_workouts", {}], ["list_devices", {}],
    ["list_ecg_recordings", {}], ["list_stethoscope_recordings", {}],
  ])("%s returns an array of objects", async (key, inputData) => {
    const results = await appTester(searches()[key].operation.perform, { authData: auth, inputData }) as unknown[];
    expect(Array.isArray(results)).toBe(true);
    for (const r of results) expect(r && typeof r === "object" && !Array.isArray(r)).toBe(true);
  });

  test("nothing found is zero results, not an error", async () => {
    const ecgs = await appTester(searches().list_ecg_recordings.operation.perform, {
      authData: auth, inputData: { startDate: "2001-01-01", endDate: "2001-01-05" },
    });
    expect(ecgs).toEqual([]);
    const subs = await appTester(searches().list_notification_subscriptions.operation.perform, { authData: auth, inputData: {} });
    expect(subs).toEqual([]);
  });

  test("Find ECG Signal picks a recording from the dropdown and hands the strip chart files to Zapier's file stash", async () => {
    const signalId = await firstChoice("get-ecg-signal", "signalId");
    const [result] = await appTester(searches().get_ecg_signal.operation.perform, { authData: auth, inputData: { signalId } }) as Array<Record<string, any>>;
    expect(result.signalid).toBe(Number(signalId));
    expect(result.chart.svg_path).toMatch(/^https:\/\/zapier-files\.example\.com\/withings-ecg-\d+\.svg/);
    expect(JSON.stringify(result)).not.toContain("zapier-file:");
  });

  test("Find Stethoscope Signal stores the WAV through the stash", async () => {
    sim.data.addStetho(sim.demoUserId, { timestamp: sim.clock.now() - 300 });
    const signalId = await firstChoice("get-stethoscope-signal", "signalId");
    const [result] = await appTester(searches().get_stethoscope_signal.operation.perform, { authData: auth, inputData: { signalId } }) as Array<Record<string, any>>;
    expect(result.audio.wav_path).toMatch(/^https:\/\/zapier-files\.example\.com\/withings-stetho-\d+\.wav/);
  });

  test("a file Zapier could not store leaves a note, not a failed step", async () => {
    fileStash.stash = async () => {
      throw new Error("no deploy key");
    };
    sim.data.addStetho(sim.demoUserId, { timestamp: sim.clock.now() - 300 });
    const signalId = await firstChoice("get-stethoscope-signal", "signalId");
    const [result] = await appTester(searches().get_stethoscope_signal.operation.perform, { authData: auth, inputData: { signalId } }) as Array<Record<string, any>>;
    expect(result.audio.wav_path).toBeNull();
    expect(result.file_note).toMatch(/could not be stored/);
  });

  test("bad input fails before any request, with a message naming the field", async () => {
    const before = dataRequests();
    const err = await failure(appTester(searches().get_ecg_signal.operation.perform, { authData: auth, inputData: { signalId: "-4" } }));
    expect(err.message).toMatch(/signalId/);
    const range = await failure(appTester(searches().get_measures.operation.perform, { authData: auth, inputData: { startDate: "yesterday-ish" } }));
    expect(range.message).toMatch(/startDate/);
    expect(dataRequests()).toBe(before);
  });

  test("errors carry no token and no health value", async () => {
    sim.faults.failNext(5, "http_500");
    const err = await failure(appTester(searches().get_measures.operation.perform, { authData: auth, inputData: {} }));
    expect(err.message).not.toContain(auth.access_token);
    expect(err.message).not.toMatch(/\bkg\b|weight/i);
  });
});

describe("creates: the notification subscriptions", () => {
  test("subscribe (Withings' HEAD check answered), get, update and revoke", async () => {
    const hook = "https://hooks.example.com/withings-zap";
    nock("https://hooks.example.com").head("/withings-zap").times(3).reply(200);
    const created = await appTester(creates().subscribe_to_notifications.operation.perform, {
      authData: auth, inputData: { callbackUrl: hook, appli: 1, comment: "zap" },
    }) as Record<string, unknown>;
    expect(created && typeof created === "object" && !Array.isArray(created)).toBe(true);
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([
      expect.objectContaining({ appli: 1, callbackurl: hook }),
    ]);
    const callbackUrl = await firstChoice("get-notification-subscription", "callbackUrl");
    expect(callbackUrl).toBe(hook);
    const [found] = await appTester(searches().get_notification_subscription.operation.perform, {
      authData: auth, inputData: { callbackUrl, appli: 1 },
    }) as Array<Record<string, unknown>>;
    expect(JSON.stringify(found)).toContain(hook);
    await appTester(creates().update_notification_subscription.operation.perform, {
      authData: auth, inputData: { callbackUrl, appli: 1, comment: "weight sync" },
    });
    expect(sim.notifications.subscriptions(sim.demoUserId)[0].comment).toBe("weight sync");
    await appTester(creates().revoke_notification_subscription.operation.perform, { authData: auth, inputData: { callbackUrl, appli: 1 } });
    expect(sim.notifications.subscriptions(sim.demoUserId)).toEqual([]);
  });

  test("a URL Withings would refuse is bad input, caught before any request", async () => {
    const before = dataRequests();
    const err = await failure(appTester(creates().subscribe_to_notifications.operation.perform, {
      authData: auth, inputData: { callbackUrl: "http://localhost/hook", appli: 1 },
    }));
    expect(err.message).toMatch(/callbackUrl/);
    expect(dataRequests()).toBe(before);
  });

  test("revoking a subscription a hook trigger made leaves the others", async () => {
    const hooks = await hookServer();
    try {
      const targetUrl = `${hooks.url}/hooks/zap-9`;
      await appTester(App.triggers.new_sleep_summary_instant.operation.performSubscribe, { authData: auth, inputData: {}, targetUrl });
      expect(sim.notifications.subscriptions(sim.demoUserId).map((s) => s.appli)).toEqual([44]);
      const [listed] = await appTester(searches().list_notification_subscriptions.operation.perform, { authData: auth, inputData: {} }) as Array<Record<string, unknown>>;
      expect(JSON.stringify(listed)).toContain(targetUrl);
    } finally {
      await hooks.close();
    }
  });
});
