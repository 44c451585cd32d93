import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IDataObject,
  Icon,
  INodeProperties,
} from 'n8n-workflow';

/** Withings' token answer is `{ status, body: { access_token, refresh_token, ... } }`, also on HTTP 200 failures. */
type TokenData = IDataObject;

const TOKEN_FIELDS = ['access_token', 'refresh_token', 'expires_in', 'scope', 'token_type', 'userid', 'csrf_token'];

/**
 * Lifts Withings' `body.*` token fields to the top level, where n8n's OAuth2 client reads them (it signs
 * with `access_token` and refreshes with `refresh_token`). `body` stays, so the newest answer always wins:
 * after a refresh n8n stores `{ ...previous, ...answer }`, whose `body` is the new one.
 * A failed exchange or refresh (a non-zero `status`) is an error that tells the user to reconnect.
 */
export function liftWithingsTokens(data: TokenData | undefined): TokenData | undefined {
  if (!data || typeof data !== 'object') return data;
  const status = data.status;
  if (typeof status === 'number' && status !== 0) {
    const detail = typeof data.error === 'string' && data.error ? `: ${data.error.slice(0, 120)}` : '';
    throw new Error(
      `Withings refused the token request (status ${status}${detail}). Reconnect the Withings credential.`,
    );
  }
  const body = data.body;
  if (!body || typeof body !== 'object' || typeof (body as IDataObject).access_token !== 'string') return data;
  const lifted: TokenData = { ...data };
  for (const key of TOKEN_FIELDS) {
    const value = (body as IDataObject)[key];
    if (value !== undefined) lifted[key] = value;
  }
  lifted.token_type = 'Bearer';
  return lifted;
}

const scopes = ['user.info', 'user.metrics', 'user.activity', 'user.sleepevents'];

export class WithingsOAuth2Api implements ICredentialType {
  name = 'withingsOAuth2Api';

  extends = ['oAuth2Api'];

  displayName = 'Withings OAuth2 API';

  icon: Icon = { light: 'file:withings.svg', dark: 'file:withings.dark.svg' };

  documentationUrl = 'https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-web-flow/';

  properties: INodeProperties[] = [
    {
      displayName: 'API URL',
      name: 'apiUrl',
      type: 'string',
      default: 'https://wbsapi.withings.net',
      description:
        'Withings API base URL. Use https://wbsapi.us.withingsmed.net for the US medical cloud, or a local Withings simulator.',
    },
    {
      displayName: 'Grant Type',
      name: 'grantType',
      type: 'hidden',
      default: 'authorizationCode',
    },
    {
      displayName: 'Authorization URL',
      name: 'authUrl',
      type: 'hidden',
      default:
        '={{ String($self["apiUrl"] || "https://wbsapi.withings.net").replace(/\\/+$/, "") === "https://wbsapi.withings.net" ? "https://account.withings.com/oauth2_user/authorize2" : String($self["apiUrl"] || "https://wbsapi.withings.net").replace(/\\/+$/, "") === "https://wbsapi.us.withingsmed.net" ? "https://account.us.withingsmed.com/oauth2_user/authorize2" : String($self["apiUrl"] || "https://wbsapi.withings.net").replace(/\\/+$/, "") + "/oauth2_user/authorize2" }}',
    },
    {
      // Withings' token endpoint needs action=requesttoken. n8n sends the same URL on the code exchange and
      // on every refresh (a refresh ignores extra body properties), so the action rides in the query string.
      displayName: 'Access Token URL',
      name: 'accessTokenUrl',
      type: 'hidden',
      default:
        '={{ String($self["apiUrl"] || "https://wbsapi.withings.net").replace(/\\/+$/, "") + "/v2/oauth2?action=requesttoken" }}',
    },
    {
      displayName: 'Scope',
      name: 'scope',
      type: 'hidden',
      // Withings separates scopes with commas.
      default: scopes.join(','),
    },
    {
      displayName: 'Auth URI Query Parameters',
      name: 'authQueryParameters',
      type: 'hidden',
      default: '',
    },
    {
      // Withings takes client_id and client_secret in the form body, not in a Basic header.
      displayName: 'Authentication',
      name: 'authentication',
      type: 'hidden',
      default: 'body',
    },
    {
      // Withings answers an expired token with HTTP 200 and `status: 401` in the body. The nodes detect that
      // and ask n8n to refresh (see the package README); n8n refreshes on this HTTP status.
      displayName: 'Token Expired Status Code',
      name: 'tokenExpiredStatusCode',
      type: 'hidden',
      typeOptions: { password: true },
      default: 200,
    },
  ];

  /** Runs in memory before every request and after every refresh; n8n stores what a refresh returns. */
  async preAuthentication(credentials: ICredentialDataDecryptedObject) {
    const oauthTokenData = liftWithingsTokens(credentials.oauthTokenData as TokenData | undefined);
    return { oauthTokenData } as IDataObject;
  }

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{ String($credentials.apiUrl || "https://wbsapi.withings.net").replace(/\\/+$/, "") }}',
      url: '/v2/user',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=getdevice',
    },
    rules: [
      {
        type: 'responseSuccessBody',
        properties: { key: 'status', value: 401, message: 'Withings rejected the access token: reconnect the credential.' },
      },
    ],
  };
}
