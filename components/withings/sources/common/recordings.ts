import { DAY } from "../../../../common/dates";
import type { PollWindow } from "./polling";

/**
 * Heart v2 List and Stetho v2 List filter on the recording time and have no `lastupdate`. A window reads from a
 * day before its start, so that a recording a device uploads late (a watch offline for hours) is still found.
 */
export const LATE_UPLOAD_WINDOW = DAY;

/** The `startdate`/`enddate` of a recording list for a window. */
export function recordingRange(window: PollWindow): { startdate: number; enddate: number } {
  return { startdate: window.since - LATE_UPLOAD_WINDOW, enddate: window.now };
}
