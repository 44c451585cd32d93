/** Tests run TypeScript through ts-jest in transpile-only mode; `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", {
      isolatedModules: true,
      tsconfig: { module: "commonjs", moduleResolution: "node", target: "ES2022", esModuleInterop: true, resolveJsonModule: true },
    }],
  },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup-after-env.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.cjs"],
  testTimeout: 30000,
};
