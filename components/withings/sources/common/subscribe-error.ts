import { WithingsError } from "../../../../common/errors";
import { appliLabel, appliScope } from "../../../../common/notify";

/** Statuses Withings gives when it will not call the callback URL (293: the HEAD check failed or the URL breaks its rules). */
const CALLBACK_REFUSED = new Set([293, 294, 295]);

/** Turns a failed subscribe into an error a user can act on; other errors pass through unchanged. */
export function subscribeError(err: unknown, appli: number | undefined): unknown {
  if (!(err instanceof WithingsError)) return err;
  const what = appli === undefined ? "notifications" : `${appliLabel(appli)} notifications`;
  if (CALLBACK_REFUSED.has(err.status)) {
    return new WithingsError(`Withings refused to send ${what} to this source's URL (status ${err.status}). Withings `
      + "calls the URL with HEAD when subscribing and needs a 2xx within 2 seconds; the URL must be https, on a "
      + "public host name (no IP address or localhost), port 443 or 80, and at most 255 characters. Redeploy the "
      + "source, and check that the endpoint is reachable from the internet.", err.status, err.family, "subscribe",
    err.withingsError);
  }
  if (err.family === "unauthorized") {
    const scope = appli === undefined ? "the scopes this source needs" : `the "${appliScope(appli)}" scope`;
    return new WithingsError(`Withings refused to subscribe to ${what} (status ${err.status}): the connected account `
      + `has not granted ${scope}. Reconnect Withings with an OAuth client that requests it (see the README's `
      + "instant sources section), then redeploy.", err.status, err.family, "subscribe", err.withingsError);
  }
  return err;
}
