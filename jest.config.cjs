/** Tests run TypeScript through ts-jest in transpile-only mode; `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/packages"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // `isolatedModules` in the tsconfig makes ts-jest transpile each file alone (its own option is deprecated).
    "^.+\\.ts$": ["ts-jest", {
      tsconfig: {
        module: "commonjs", moduleResolution: "node", target: "ES2022", esModuleInterop: true, resolveJsonModule: true,
        isolatedModules: true,
      },
    }],
  },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup-after-env.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.cjs"],
  testTimeout: 30000,
};
