import { defineAction, type ActionRunOptions } from "@pipedream/types";
import withings from "../../withings.app";
import { stepOf, validate } from "../../common/component";
import { decodeGoals, describeGoals, type DecodedGoals } from "../../../../common/decode/user";
import { UNIT_SYSTEMS } from "../../../../common/decode/units";
import { parseChoice } from "../../../../common/inputs";
import { recordOf } from "../../../../common/shape";
import type { GetGoalsBody } from "../../../../common/types";

export default defineAction({
  key: "withings-get-goals",
  name: "Get Goals",
  description: "Get the user's goals: daily steps, nightly sleep (seconds) and target weight (kg, or lb with the "
    + "imperial unit system). Goals the user has not set are null. "
    + "[See the documentation](https://developer.withings.com/api-reference/#tag/user/operation/userv2-getgoals)",
  version: "0.0.1",
  type: "action",
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    openWorldHint: true,
  },
  props: {
    withings,
    unitSystem: { propDefinition: [withings, "unitSystem"] },
  },
  async run(opts?: ActionRunOptions): Promise<DecodedGoals> {
    const $ = stepOf(opts);
    const system = validate(() => parseChoice(this.unitSystem, UNIT_SYSTEMS, "unitSystem", "metric"));
    const body: GetGoalsBody = await this.withings.getGoals({ $ });
    const out = decodeGoals(recordOf<unknown>(body, "goals", "getgoals") as GetGoalsBody["goals"], system);
    $.export("$summary", describeGoals(out));
    return out;
  },
});
