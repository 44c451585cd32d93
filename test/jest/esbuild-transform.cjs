/**
 * Jest transform: TypeScript to CommonJS with esbuild, one file at a time. It strips types and does not check
 * them (`npm run typecheck` does). esbuild does not hoist `jest.mock(...)` above the imports as babel-jest and
 * ts-jest do, so a test file that calls it at top level is refused: put the call in a module the test imports
 * first (see test/hardening/mock-platform-axios.ts).
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const esbuild = require("esbuild");

const SELF = createHash("sha1").update(readFileSync(__filename)).update(esbuild.version).digest("hex");
const TOP_LEVEL_MOCK = /^jest\.(mock|unmock|enableAutomock|disableAutomock)\(/m;

module.exports = {
  process(source, file) {
    if (/\.test\.ts$/.test(file) && TOP_LEVEL_MOCK.test(source)) {
      throw new Error(`${file}: a top-level jest.mock is not hoisted here; move it to a module imported first.`);
    }
    const { code, map } = esbuild.transformSync(source, {
      loader: "ts", format: "cjs", target: "node20", sourcemap: "external", sourcefile: file,
      // `import()` becomes a `require`, as TypeScript compiles it to CommonJS: jest runs modules in a vm
      // context where a real dynamic import needs --experimental-vm-modules.
      supported: { "dynamic-import": false },
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
    });
    return { code, map };
  },
  getCacheKey(source, file) {
    return createHash("sha1").update(SELF).update(file).update("\0").update(source).digest("hex");
  },
};
