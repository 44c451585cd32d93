import nock from "nock";

// Retries back off for milliseconds, not seconds, under test.
process.env.WITHINGS_RETRY_BASE_MS = "1";
process.env.WITHINGS_RETRY_MAX_MS = "5";
delete process.env.WITHINGS_API_URL;

// No test reaches the real network; loopback stays open for the simulator.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
