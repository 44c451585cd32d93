/**
 * Tests run TypeScript through a small esbuild transform (types are stripped, not checked: `npm run typecheck`
 * does that). Jest sees the whole project, not only test/, so `npx jest --findRelatedTests <source file>` finds
 * the suites that import it; suites live in test/ and in each host package's test/ (packages/<host>/test).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/packages/*/test/**/*.test.ts", "<rootDir>/hosts/*/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Build output and per-run folders are not part of the module graph.
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/\\.dist-test-", "<rootDir>/\\.withings-runner/", "<rootDir>/coverage/"],
  transform: { "^.+\\.ts$": "<rootDir>/test/jest/esbuild-transform.cjs" },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup-after-env.ts"],
  reporters: ["default", "<rootDir>/test/jest/summary-reporter.cjs"],
  testTimeout: 30000,
};
