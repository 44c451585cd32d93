/**
 * Replaces `axios` of @pipedream/platform with a jest mock for the test file that imports this module first,
 * before anything that loads the platform (the app, the components, the helpers).
 */
jest.mock("@pipedream/platform", () => {
  const actual = jest.requireActual("@pipedream/platform");
  return { ...actual, axios: jest.fn() };
});
