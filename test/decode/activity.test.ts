import { decodeActivity } from "../../common/decode/activity";
import { loadFixture } from "../helpers/fixtures";

describe("decodeActivity", () => {
  const [watch, phone] = loadFixture("measurev2-getactivity").body.activities;

  it("keeps Withings' fields and adds the model and brand names", () => {
    const out = decodeActivity(watch);
    expect(out).toMatchObject({
      date: "2026-11-19", timezone: "Europe/Paris", steps: 9412, distance: 7189.35, hr_average: 71, hr_zone_3: 180,
      brand: 1, brand_name: "Withings", modelid: 94, model: "ScanWatch 2", is_tracker: true, modified: 1795136522,
      deviceid: "5e2b7c41d09a8f36b1e4c7a2905d3f68b4a1c0e9",
    });
  });

  it("leaves heart-rate fields absent on days without heart-rate data", () => {
    const out = decodeActivity(phone);
    expect(out.brand_name).toBe("External");
    expect(out.deviceid).toBeNull();
    expect("hr_average" in out).toBe(false);
    expect("hr_zone_0" in out).toBe(false);
  });

  it("labels unknown brands and models generically, reads model_id, and falls back to the given zone", () => {
    const [odd, spec] = loadFixture("measurev2-getactivity-unknown-nulls").body.activities;
    expect(decodeActivity(odd, "America/Denver")).toMatchObject({
      brand_name: "brand_7", model: "Device Model 4242", modelid: 4242, timezone: "America/Denver",
    });
    expect(decodeActivity(odd).timezone).toBeNull();
    const s = decodeActivity(spec);
    expect(s).toMatchObject({ modelid: 1060, model: "Google Health Connect", timezone: "Europe/Paris" });
    expect("model_id" in s).toBe(false);
  });
});
