/**
 * What `import nock from "nock"` gives a test (jest maps the name here): the real nock, told to let only
 * loopback through, and removed when the test file ends (setup-after-env.ts) so that the next file in the same
 * worker starts with no interceptor. Files that do not import nock run without its interception.
 */
// The path form skips jest's mapping of the bare name, which points here.
const nock = require("nock/index.js");

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
globalThis[Symbol.for("withings.test.nock")] = nock;

module.exports = nock;
