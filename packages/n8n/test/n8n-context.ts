/**
 * A small n8n execution context for the nodes' tests: parameters, static data, binary data, and the OAuth2
 * credential machinery as n8n 2.x runs it (see the package README): the credential's preAuthentication in
 * memory before each request, signing with the lifted access token, a refresh only when the HTTP status
 * equals the credential's token-expired status and only in the legacy helper for resolved responses,
 * `{ ...old, ...answer }` merged, preAuthentication again, and the result stored.
 */
import type { IDataObject } from 'n8n-workflow';
import { WithingsOAuth2Api } from '../src/credentials/WithingsOAuth2Api.credentials';

export interface StoredCredential extends IDataObject {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  oauthTokenData: IDataObject;
}

const credentialType = new WithingsOAuth2Api();

/** Evaluates one of the credential's `={{ ... }}` defaults the way n8n resolves `$self`. */
export function resolveCredentialExpression(name: string, self: IDataObject): string {
  const prop = credentialType.properties.find((p) => p.name === name);
  const raw = String(prop?.default ?? '');
  if (!raw.startsWith('={{')) return raw;
  const body = raw.slice(3, -2);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return String(new Function('$self', `return (${body});`)(self));
}

function httpError(status: number, body: string): Error & { response: { status: number; data: string }; statusCode: number } {
  const err = new Error(`Request failed with status code ${status}`) as Error & { response: { status: number; data: string }; statusCode: number };
  err.response = { status, data: body };
  err.statusCode = status;
  return err;
}

export class FakeN8n {
  staticData: IDataObject = {};
  hints: Array<{ message: string }> = [];
  refreshes = 0;
  saves = 0;
  requests: Array<{ url: string; body: string; legacy: boolean }> = [];
  mode: 'manual' | 'trigger' | 'webhook' = 'trigger';
  oauth2Options: Array<{ property?: string } | undefined> = [];
  webhookUrl = 'https://n8n.example.com/webhook/abc/webhook';

  constructor(public credential: StoredCredential, public parameters: IDataObject = {}) {}

  private get type() {
    return credentialType;
  }

  /** What n8n's preAuthentication hands back, applied in memory. */
  private async lifted(): Promise<IDataObject> {
    const out = await this.type.preAuthentication!.call({} as never, { ...this.credential } as never);
    return (out?.oauthTokenData ?? this.credential.oauthTokenData) as IDataObject;
  }

  private async send(url: string, init: { headers?: Record<string, string>; body?: string }, token: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` },
      body: init.body,
    });
    return { statusCode: res.status, body: await res.text() };
  }

  /** n8n's refresh: POST the token URL with the refresh grant (body authentication), merge, lift, store. */
  private async refresh(tokenData: IDataObject): Promise<IDataObject> {
    this.refreshes++;
    const url = resolveCredentialExpression('accessTokenUrl', this.credential);
    const refresh = tokenData.refresh_token as string | undefined;
    if (!refresh) throw new Error('OAuth access token expired and no refresh token is available. Please reconnect the credentials.');
    const form = new URLSearchParams({
      refresh_token: refresh,
      grant_type: 'refresh_token',
      client_id: this.credential.clientId,
      client_secret: this.credential.clientSecret,
    });
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    if (res.status >= 300) throw new Error(`token endpoint HTTP ${res.status}`);
    const answer = JSON.parse(await res.text()) as IDataObject;
    const merged = { ...tokenData, ...answer };
    const out = await this.type.preAuthentication!.call({} as never, { ...this.credential, oauthTokenData: merged } as never);
    this.credential.oauthTokenData = (out?.oauthTokenData ?? merged) as IDataObject;
    this.saves++;
    return this.credential.oauthTokenData;
  }

  /** n8n's buildSigningToken: the value at `property`, else the top-level access_token. */
  private signingToken(data: IDataObject, property?: string): string {
    let v: unknown = data;
    for (const k of (property ?? '').split('.').filter(Boolean)) v = (v as IDataObject | undefined)?.[k];
    const token = (property ? v : undefined) ?? data.access_token;
    if (typeof token !== 'string' || !token) throw new Error('Unable to sign without access token');
    return token;
  }

  private tokenExpiredStatus(): number {
    const prop = this.type.properties.find((p) => p.name === 'tokenExpiredStatusCode');
    return Number(prop?.default ?? 401);
  }

  helpers = {
    httpRequest: async (opts: { url: string; body?: string; headers?: Record<string, string> }) => {
      const res = await fetch(opts.url, { method: 'POST', headers: opts.headers, body: opts.body });
      const text = await res.text();
      if (res.status >= 400) throw httpError(res.status, text);
      return text;
    },
    httpRequestWithAuthentication: async (type: string, opts: { url: string; body?: string; headers?: Record<string, string> }, extra?: { oauth2?: { property?: string } }) => {
      if (type !== 'withingsOAuth2Api') throw new Error(`unexpected credential ${type}`);
      this.oauth2Options.push(extra?.oauth2);
      this.requests.push({ url: opts.url, body: String(opts.body ?? ''), legacy: false });
      const token = await this.lifted();
      const res = await this.send(opts.url, opts, this.signingToken(token, extra?.oauth2?.property));
      if (res.statusCode >= 400) {
        if (res.statusCode === this.tokenExpiredStatus()) {
          const fresh = await this.refresh(token);
          const again = await this.send(opts.url, opts, String(fresh.access_token));
          if (again.statusCode >= 400) throw httpError(again.statusCode, again.body);
          return again.body;
        }
        throw httpError(res.statusCode, res.body);
      }
      return res.body;
    },
    requestWithAuthentication: async (type: string, opts: { uri: string; body?: string; headers?: Record<string, string>; resolveWithFullResponse?: boolean; simple?: boolean }, extra?: { oauth2?: { property?: string } }) => {
      if (type !== 'withingsOAuth2Api') throw new Error(`unexpected credential ${type}`);
      this.oauth2Options.push(extra?.oauth2);
      this.requests.push({ url: opts.uri, body: String(opts.body ?? ''), legacy: true });
      const token = await this.lifted();
      let res = await this.send(opts.uri, opts, this.signingToken(token, extra?.oauth2?.property));
      if (opts.resolveWithFullResponse && opts.simple === false && res.statusCode === this.tokenExpiredStatus()) {
        const fresh = await this.refresh(token);
        res = await this.send(opts.uri, opts, this.signingToken(fresh, extra?.oauth2?.property));
      }
      return opts.resolveWithFullResponse ? res : res.body;
    },
    prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) => ({
      data: data.toString('base64'),
      fileName,
      mimeType: mimeType ?? 'application/octet-stream',
      fileSize: String(data.length),
    }),
    returnJsonArray: (x: IDataObject[]) => x.map((json) => ({ json })),
  };

  getCredentials = async (type: string) => {
    if (type !== 'withingsOAuth2Api') throw new Error(`unexpected credential ${type}`);
    return JSON.parse(JSON.stringify(this.credential)) as IDataObject;
  };

  getNodeParameter = (name: string, ...rest: unknown[]) => {
    if (name in this.parameters) return this.parameters[name];
    // execute: (name, itemIndex, fallback); poll/hook/webhook: (name, fallback)
    const fallback = rest.length >= 2 ? rest[1] : rest[0];
    if (fallback !== undefined && typeof fallback !== 'number') return fallback;
    if (rest.length >= 2 && rest[1] !== undefined) return rest[1];
    throw new Error(`Could not get parameter "${name}"`);
  };

  getInputData = () => [{ json: {} }];
  getNode = () => ({ name: 'Withings', type: 'withings', typeVersion: 1, position: [0, 0], parameters: this.parameters, id: 'n1' });
  continueOnFail = () => false;
  addExecutionHints = (...hints: Array<{ message: string }>) => {
    this.hints.push(...hints);
  };
  getWorkflowStaticData = (_type: string) => this.staticData;
  getMode = () => this.mode;
  getNodeWebhookUrl = (_name: string) => this.webhookUrl;
  logger = { debug() {}, info() {}, warn() {}, error() {} };
}

/** The credential as n8n stores it right after Withings' code exchange: the raw `{ status, body }` answer. */
export function storedCredential(apiUrl: string, client: { clientId: string; clientSecret: string },
  tokens: { access_token: string; refresh_token: string; userid: string; expires_in: number }): StoredCredential {
  return {
    apiUrl,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    oauthTokenData: {
      status: 0,
      body: { ...tokens, scope: 'user.info,user.metrics,user.activity,user.sleepevents', token_type: 'Bearer' },
    },
  };
}
