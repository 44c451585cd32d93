/**
 * Tests run TypeScript through a small esbuild transform (types are stripped, not checked: `npm run typecheck`
 * does that). Jest sees the whole project, not only test/, so `npx jest --findRelatedTests <source file>` finds
 * the suites that import it; suites live in test/ and in each host package's test/ (packages/<host>/test).
 */
const { availableParallelism } = require("node:os");

module.exports = {
  // Jest's default (one worker less than the cores) runs everything in one process on a 2-core machine; many
  // suites wait on child processes and sockets, so two workers there keep both cores busy.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Node's environment plus a guard that lets tests connect to loopback only (test/jest/net-guard.cjs).
  testEnvironment: "<rootDir>/test/jest/environment.cjs",
  roots: ["<rootDir>"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/packages/*/test/**/*.test.ts", "<rootDir>/hosts/*/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Build output and per-run folders are not part of the module graph.
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/\\.dist-test-", "<rootDir>/\\.withings-runner/", "<rootDir>/coverage/"],
  // A test that imports nock gets it set to loopback-only, and removed when the file ends (test/jest/nock.cjs).
  moduleNameMapper: { "^nock$": "<rootDir>/test/jest/nock.cjs" },
  transform: { "^.+\\.ts$": "<rootDir>/test/jest/esbuild-transform.cjs" },
  // One build of the components per run, shared by the suites that need one (test/helpers/build.ts).
  globalSetup: "<rootDir>/test/jest/global-setup.cjs",
  globalTeardown: "<rootDir>/test/jest/global-teardown.cjs",
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup-after-env.ts"],
  reporters: ["default", "<rootDir>/test/jest/summary-reporter.cjs"],
  // Two workers share the cores, so a test may take up to twice as long as when the suites ran one at a time.
  testTimeout: 60000,
};
