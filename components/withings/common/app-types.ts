import type { FormFields } from "../../../common/types";

/** The shapes the app's methods take and what the platform gives it. */

/** What Pipedream (or the local runner) puts in `this.$auth`. */
export interface WithingsAuth {
  oauth_access_token: string;
  oauth_refresh_token?: string;
  oauth_uid?: string;
  /** Optional API base URL: the local simulator or Withings' US medical cloud. */
  base_url?: string;
  authorize_url?: string;
}

export interface RequestArgs {
  $?: unknown;
  path: string;
  action: string;
  data?: FormFields;
  /** Data calls carry the Bearer token; token and signature calls do not. */
  bearer?: boolean;
  /** Extra values that must never appear in an error (client secret, refresh token, code). */
  secrets?: readonly (string | undefined)[];
}

/** One HTTP attempt as `_makeRequest` hands it to `_send`: always a form-encoded POST. */
export interface SendArgs {
  $?: unknown;
  url: string;
  headers: Record<string, string>;
  /** The form-encoded body, `action` included. */
  body: string;
  timeoutMs?: number;
  signal: AbortSignal;
  /** Values to keep out of anything the send exports or logs. */
  secrets: readonly (string | undefined)[];
}

/** Arguments of a data method: `$` plus the Withings form fields. `params` is the legacy spelling. */
export interface CallArgs {
  [field: string]: unknown;
  $?: unknown;
  params?: FormFields;
}

export interface ClientCredentials {
  $?: unknown;
  clientId: string;
  clientSecret: string;
  /** Authenticate the token call with a nonce and signature instead of sending the client secret. */
  useSignature?: boolean;
}
