/**
 * The Zapier integration's definition: authentication, triggers (polling and REST hook per data type), searches
 * and creates, all generated from the components and run through the hosts' kit.
 */
import { authentication } from "./auth";
import { buildTriggers } from "./triggers";
import { buildActions } from "./actions";
import { withingsStatus } from "./send";
import { version as integrationVersion } from "../package.json";

/** The Zapier app definition; `platformVersion` is the zapier-platform-core it is built and tested against. */
export function buildApp(platformVersion: string): Record<string, any> {
  const { searches, creates, choices } = buildActions();
  return {
    version: integrationVersion,
    platformVersion,
    authentication,
    afterResponse: [withingsStatus],
    // Every request goes through z.request (logged and scrubbed by Zapier there). Zapier's patch of Node's http
    // module would log the same traffic again, and it proxies only the (options, callback) form of http.request.
    flags: { skipHttpPatch: true },
    triggers: { ...buildTriggers(), ...choices },
    searches,
    creates,
  };
}
