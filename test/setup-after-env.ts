import nock from "nock";

// Each test file loads its own nock; remove its interceptor when the file ends so the next file's
// nock (same worker, same http module) is the only one listening.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
