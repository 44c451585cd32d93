/** What a test file's nock (test/jest/nock.cjs) needs undone when the file ends, if the file loaded it. */
interface NockLike { cleanAll(): void; restore(): void }

// Each test file that imports nock loads its own copy; remove its interceptor when the file ends so that the next
// file's nock (same worker, same http module) is the only one listening.
afterAll(() => {
  const key = Symbol.for("withings.test.nock");
  const nock = (globalThis as Record<symbol, NockLike | undefined>)[key];
  if (!nock) return;
  nock.cleanAll();
  nock.restore();
  delete (globalThis as Record<symbol, unknown>)[key];
});
