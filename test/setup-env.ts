// Retries back off for milliseconds, not seconds, under test.
process.env.WITHINGS_RETRY_BASE_MS = "1";
process.env.WITHINGS_RETRY_MAX_MS = "5";
delete process.env.WITHINGS_API_URL;

// No test reaches the real network: test/jest/net-guard.cjs allows loopback only, in every test file.
