/**
 * Builds the components once per test run, the way `npm run build` does, into a folder of its own inside the
 * project (so that npm packages resolve from the built files). The suites that need a build (test/dist.test.ts,
 * test/pipedream-lint.test.ts, test/readme.test.ts) read it through test/helpers/build.ts instead of building
 * it again; test/jest/global-teardown.cjs removes it.
 */
const { execFileSync } = require("node:child_process");
const { mkdtempSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");

module.exports = async function globalSetup() {
  const dir = mkdtempSync(join(ROOT, ".dist-test-"));
  const printed = execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--outdir", dir], { cwd: ROOT, encoding: "utf8" });
  // The workers start after this and inherit the environment.
  process.env.WITHINGS_TEST_BUILD = dir;
  process.env.WITHINGS_TEST_BUILD_PRINTED = printed;
};
