/**
 * Zapier's OAuth2 for Withings on the app's own OAuth methods: the authorization URL, the code exchange and the
 * refresh (`action=requesttoken`, the `{status, body}` envelope unwrapped by the core), always keeping the refresh
 * token Withings rotates on every refresh.
 */
import type { Bundle, ZObject } from "zapier-platform-core";
import { catalog } from "../../../hosts/kit";
import type { TokenBody } from "../../../common/types";
import { appFor, runForZapier } from "./run";
import { guarded } from "./send";

/** Devices and goals (user.info), measures and ECGs (user.metrics), activity, workouts and sleep (user.activity). */
export const SCOPES = ["user.info", "user.metrics", "user.activity"] as const;

/** The partner app's credentials, set with `zapier-platform env:set` (CLIENT_ID, CLIENT_SECRET). */
export function clientCredentials(): { clientId: string; clientSecret: string } {
  return { clientId: process.env.CLIENT_ID ?? "", clientSecret: process.env.CLIENT_SECRET ?? "" };
}

/** What Zapier stores for a connection: both tokens, the Withings userid (notifications carry it) and the scopes. */
export function storedTokens(body: TokenBody): Record<string, string | number> {
  const out: Record<string, string | number> = {
    access_token: body.access_token,
    refresh_token: body.refresh_token,
    userid: String(body.userid),
  };
  if (body.expires_in !== undefined) out.expires_in = body.expires_in;
  if (body.scope) out.scope = body.scope;
  return out;
}

const input = (bundle: Bundle) => (bundle.inputData ?? {}) as Record<string, unknown>;

export function authorizeUrl(z: ZObject, bundle: Bundle): string {
  return appFor(z, bundle).buildAuthorizationUrl({
    ...clientCredentials(),
    redirectUri: String(input(bundle).redirect_uri ?? ""),
    state: String(input(bundle).state ?? ""),
    scopes: SCOPES,
  }).url;
}

export function getAccessToken(z: ZObject, bundle: Bundle) {
  return guarded(z, async () => storedTokens(await appFor(z, bundle).exchangeCode({
    ...clientCredentials(),
    code: String(input(bundle).code ?? ""),
    redirectUri: String(input(bundle).redirect_uri ?? ""),
  })));
}

/** The refreshed pair; Withings' new refresh token replaces the old one (the old one dies once the new one is used). */
export function refreshAccessToken(z: ZObject, bundle: Bundle) {
  return guarded(z, async () => storedTokens(await appFor(z, bundle).refreshToken({
    ...clientCredentials(),
    refreshToken: String((bundle.authData as Record<string, unknown>)?.refresh_token ?? ""),
  })));
}

/** The connection test: List Devices (one cheap request). */
export function test(z: ZObject, bundle: Bundle) {
  return guarded(z, async () => {
    const { result } = await runForZapier(z, { ...bundle, inputData: {} } as Bundle, catalog.actions["list-devices"]);
    const devices = Array.isArray(result) ? result as Array<Record<string, unknown>> : [];
    return { devices: devices.map((d) => ({ model: d.model ?? null, type: d.type ?? null })), device_count: devices.length };
  });
}

/** "Withings (ScanWatch, Body Cardio)": the devices' models, never an id, email or token. */
export function connectionLabel(_z: ZObject, bundle: Bundle): string {
  const devices = (input(bundle).devices ?? []) as Array<{ model?: unknown }>;
  const models = [...new Set(devices.map((d) => d.model).filter((m): m is string => typeof m === "string" && m !== ""))];
  return models.length ? `Withings (${models.slice(0, 3).join(", ")}${models.length > 3 ? ", …" : ""})` : "Withings";
}

export const authentication = {
  type: "oauth2",
  test,
  connectionLabel,
  fields: [],
  oauth2Config: {
    authorizeUrl,
    getAccessToken,
    refreshAccessToken,
    autoRefresh: true,
    scope: SCOPES.join(","),
  },
};
