/** Jest's node environment, with the loopback-only network guard installed in the worker (net-guard.cjs). */
const { TestEnvironment } = require("jest-environment-node");
require("./net-guard.cjs").install();

module.exports = TestEnvironment;
