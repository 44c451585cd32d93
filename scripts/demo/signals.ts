/** The demo's stethoscope and ECG-picture part: a new heart-sound recording, and the files the actions wrote. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Simulator } from "../../simulator/types";

const DIR = "/tmp";
const FILES = /^withings-(ecg-\d+\.(svg|png)|stetho-\d+\.wav)$/;

/** A heart-sound recording for New Stethoscope Recording to find on its next run. */
export function recordNewStetho(sim: Simulator, now: number): void {
  sim.data.addStetho(sim.demoUserId, { timestamp: now - 90, position: 16 });
}

/** Lists the ECG pictures and heart-sound WAV files written by this run's actions (newest first). */
export function printSignalFiles(log: (s?: string) => void, since: number): void {
  const files = readdirSync(DIR).filter((f) => FILES.test(f))
    .map((f) => ({ f, st: statSync(join(DIR, f)) }))
    .filter(({ st }) => st.mtimeMs >= since)
    .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
  log(`\nSignals people can see and hear (${files.length} file${files.length === 1 ? "" : "s"} in ${DIR})`);
  for (const { f, st } of files) log(`  ${join(DIR, f)}  ${(st.size / 1024).toFixed(1)} KiB`);
}
