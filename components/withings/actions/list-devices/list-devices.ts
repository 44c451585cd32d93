import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { plural, stepOf } from "../../common/component";
import { decodeDevice, type DecodedDevice } from "../../../../common/decode/user";
import { listOf } from "../../../../common/shape";
import type { Device, GetDeviceBody } from "../../../../common/types";

export default defineAction({
  key: "withings-list-devices",
  name: "List Devices",
  description: "List the devices linked to the Withings account (scales, watches, blood pressure monitors, sleep "
    + "sensors, phone step trackers) with model name, battery level, time zone and first and last use. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/user/operation/userv2-getdevice)",
  version: "0.0.1",
  type: "action",
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    openWorldHint: true,
  },
  props: {
    withings,
  },
  async run(opts?: ActionRunOptions): Promise<DecodedDevice[]> {
    const $ = stepOf(opts);
    const body: GetDeviceBody = await this.withings.getDevices({ $ });
    const out = listOf<Device>(body, "devices", "getdevice").map(decodeDevice);
    $.export("$summary", `Found ${plural(out.length, "device")}`);
    return out;
  },
});
