/** Removes the run's build (see global-setup.cjs). */
const { rmSync } = require("node:fs");

module.exports = async function globalTeardown() {
  const dir = process.env.WITHINGS_TEST_BUILD;
  if (dir && /[/\\]\.dist-test-[^/\\]+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
};
