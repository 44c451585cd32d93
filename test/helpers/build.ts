/** The run's one build of the components (test/jest/global-setup.cjs): `node scripts/build.mjs --outdir <dir>`. */
import { relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

export interface SharedBuild {
  /** The output folder: `withings.app.mjs`, `actions/<slug>/<slug>.mjs`, `sources/<slug>/<slug>.mjs`. */
  dir: string;
  /** What the build printed, one path per line, relative to the project. */
  printed: string;
  /** The printed files as paths under `dir`. */
  outputs: string[];
}

export function sharedBuild(): SharedBuild {
  const dir = process.env.WITHINGS_TEST_BUILD;
  const printed = process.env.WITHINGS_TEST_BUILD_PRINTED;
  if (!dir || printed === undefined) throw new Error("No build for this run: run the tests through jest.config.cjs (npm test).");
  const outputs = printed.trim().split("\n").filter(Boolean).map((p) => relative(dir, resolve(ROOT, p)));
  return { dir, printed, outputs };
}
