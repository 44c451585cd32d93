/**
 * Withings `status` families, transcribed as ranges from the spec's response_status table.
 * https://developer.withings.com/api-reference/#tag/response_status
 */
export type StatusFamily =
  | "success" | "auth" | "invalid_params" | "unauthorized" | "error_occurred"
  | "timeout" | "bad_state" | "rate_limited" | "not_implemented" | "unknown";

const R = (lo: number, hi: number, family: StatusFamily) => [lo, hi, family] as const;

export const STATUS_FAMILIES: ReadonlyArray<readonly [number, number, StatusFamily]> = [
  R(0, 0, "success"),
  R(100, 102, "auth"), R(200, 200, "auth"),
  R(201, 213, "invalid_params"), R(214, 214, "unauthorized"), R(215, 215, "error_occurred"),
  R(216, 218, "invalid_params"), R(219, 219, "error_occurred"), R(220, 221, "invalid_params"),
  R(222, 222, "error_occurred"), R(223, 223, "invalid_params"), R(224, 224, "error_occurred"),
  R(225, 225, "invalid_params"), R(226, 226, "error_occurred"), R(227, 230, "invalid_params"),
  R(231, 233, "error_occurred"), R(234, 236, "invalid_params"), R(237, 237, "error_occurred"),
  R(238, 238, "invalid_params"), R(240, 252, "invalid_params"), R(253, 253, "error_occurred"),
  R(254, 254, "invalid_params"), R(255, 259, "error_occurred"), R(260, 267, "invalid_params"),
  R(268, 270, "error_occurred"), R(271, 272, "invalid_params"), R(273, 274, "error_occurred"),
  R(275, 276, "invalid_params"), R(277, 277, "unauthorized"), R(278, 282, "error_occurred"),
  R(283, 288, "invalid_params"), R(289, 289, "error_occurred"), R(290, 290, "invalid_params"),
  R(291, 292, "error_occurred"), R(293, 295, "invalid_params"), R(296, 296, "error_occurred"),
  R(297, 297, "invalid_params"), R(298, 298, "error_occurred"), R(300, 304, "invalid_params"),
  R(305, 320, "error_occurred"), R(321, 321, "invalid_params"), R(322, 322, "error_occurred"),
  R(323, 353, "invalid_params"), R(370, 375, "error_occurred"), R(380, 382, "invalid_params"),
  R(383, 383, "error_occurred"), R(391, 391, "error_occurred"), R(400, 400, "invalid_params"),
  R(401, 401, "auth"), R(402, 402, "error_occurred"), R(501, 511, "invalid_params"),
  R(516, 521, "error_occurred"), R(522, 522, "timeout"), R(523, 523, "invalid_params"),
  R(524, 524, "bad_state"), R(525, 531, "error_occurred"), R(532, 532, "invalid_params"),
  R(533, 533, "error_occurred"), R(601, 601, "rate_limited"), R(602, 602, "error_occurred"),
  R(700, 700, "error_occurred"), R(1051, 1054, "error_occurred"), R(2551, 2552, "error_occurred"),
  R(2553, 2553, "unauthorized"), R(2554, 2554, "not_implemented"), R(2555, 2555, "unauthorized"),
  R(2556, 2559, "error_occurred"), R(3000, 3016, "error_occurred"), R(3017, 3019, "invalid_params"),
  R(3020, 3024, "error_occurred"), R(5000, 5006, "error_occurred"), R(6000, 6000, "error_occurred"),
  R(6010, 6011, "error_occurred"), R(9000, 9000, "error_occurred"), R(10000, 10000, "error_occurred"),
];

export function statusFamily(status: number): StatusFamily {
  const hit = STATUS_FAMILIES.find(([lo, hi]) => status >= lo && status <= hi);
  return hit ? hit[2] : "unknown";
}
