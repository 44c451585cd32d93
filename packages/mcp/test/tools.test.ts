/** Every action is a tool, with its schema and annotations taken from the component. */
import { slugs } from "../../../scripts/catalog";
import { actions } from "../../../hosts/kit/catalog";
import { harness, type Harness } from "./harness";
import { toolName } from "../src/tools";

let h: Harness;
let tools: Awaited<ReturnType<Harness["client"]["listTools"]>>["tools"];
beforeAll(async () => {
  h = await harness();
  ({ tools } = await h.client.listTools());
});
afterAll(() => h.close());
const tool = (name: string) => tools.find((t) => t.name === name)!;

describe("tools/list", () => {
  it("has one tool per action folder, named withings_<slug>, and nothing else", () => {
    const expected = slugs("actions").map(toolName).sort();
    expect(tools.map((t) => t.name).sort()).toEqual(expected);
    expect(Object.keys(actions).map(toolName).sort()).toEqual(expected);
    expect(expected).toContain("withings_get_measures");
    expect(expected.length).toBeGreaterThanOrEqual(17);
  });

  it("takes title and description from the component", () => {
    expect(tool("withings_get_measures").title).toBe("Get Measures");
    expect(tool("withings_get_measures").description).toMatch(/^Get body measures .*capped: the reply gives the total/s);
    expect(tool("withings_get_ecg_signal").description).toMatch(/PNG image .* include_samples/);
  });

  it("builds the input schema from the props: types, choices, defaults, bounds, required", () => {
    const s = tool("withings_get_measures").inputSchema as any;
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toBeUndefined();
    expect(s.properties.maxResults).toMatchObject({ type: "integer", minimum: 1, default: 100, title: "Max Results" });
    expect(s.properties.unitSystem).toMatchObject({ type: "string", enum: ["metric", "imperial"], default: "metric" });
    expect(s.properties.measureTypes).toMatchObject({ type: "array", items: { type: "integer" } });
    expect(s.properties.measureTypes.items.enum).toEqual(expect.arrayContaining([1, 9, 10, 11]));
    expect(s.properties.measureTypes.description).toContain("1 = Weight (kg)");
    expect(s.properties.max_records).toMatchObject({ type: "integer", minimum: 1, maximum: 1000 });
    const ecg = tool("withings_get_ecg_signal").inputSchema as any;
    expect(ecg.required).toEqual(["signalId"]);
    expect(ecg.properties.signalId.type).toBe("integer");
    expect(ecg.properties.include_samples).toMatchObject({ type: "boolean", default: false });
    expect(ecg.properties.max_records).toBeUndefined();
    const sub = tool("withings_subscribe_to_notifications").inputSchema as any;
    expect(sub.required).toEqual(["callbackUrl", "appli"]);
    expect(tool("withings_list_devices").inputSchema).toMatchObject({ type: "object", properties: {} });
  });

  it("copies the component's annotations and adds idempotentHint on reads", () => {
    expect(tool("withings_get_measures").annotations).toEqual({
      title: "Get Measures", readOnlyHint: true, destructiveHint: false, openWorldHint: true, idempotentHint: true,
    });
    expect(tool("withings_revoke_notification_subscription").annotations).toMatchObject({
      readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true,
    });
    expect(tool("withings_subscribe_to_notifications").annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    for (const t of tools) {
      const own = (actions[t.name.replace(/^withings_/, "").replace(/_/g, "-")] as { annotations?: object }).annotations;
      expect(t.annotations).toMatchObject(own!);
    }
  });

  it("declares the reply's shape as an output schema", () => {
    for (const t of tools) {
      expect(t.outputSchema).toMatchObject({ type: "object", required: ["summary"] });
      expect(Object.keys((t.outputSchema as any).properties)).toEqual(expect.arrayContaining(["records", "total", "truncated", "more"]));
    }
  });
});
