/**
 * Tokens for the real Withings API, kept in a file only the owner can read. Withings rotates the refresh
 * token on every refresh and kills the old one once the new access token is used, so the new pair is
 * written (temp file + rename) before the new access token is handed out.
 */
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { readJson, writeFileAtomic } from "./state";

export interface StoredTokens {
  access_token: string;
  refresh_token: string;
  userid: string;
  scope?: string;
  /** Unix seconds. */
  expires_at: number;
  obtained_at: number;
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  userid: string | number;
  scope?: string;
  expires_in: number;
}

/** What the runner needs from the app to refresh (the app's `refreshToken` method). */
export interface Refresher {
  refreshToken(creds: { clientId: string; clientSecret: string; refreshToken: string }): Promise<TokenResponse>;
}

export interface ClientConfig {
  clientId?: string;
  clientSecret?: string;
}

const now = () => Math.floor(Date.now() / 1000);

export function toStored(t: TokenResponse, at = now()): StoredTokens {
  return {
    access_token: t.access_token,
    refresh_token: t.refresh_token,
    userid: String(t.userid),
    scope: t.scope,
    expires_at: at + Number(t.expires_in || 10800),
    obtained_at: at,
  };
}

export class TokenStore {
  constructor(readonly path: string) {}

  read(): StoredTokens | undefined {
    const t = readJson<StoredTokens>(this.path);
    if (t && (typeof t.access_token !== "string" || typeof t.refresh_token !== "string")) {
      throw new Error(`The token file ${this.path} is not valid. Run the auth command again.`);
    }
    return t;
  }

  /** Owner-only (0600), atomic. */
  write(tokens: StoredTokens): void {
    writeFileAtomic(this.path, `${JSON.stringify(tokens, null, 2)}\n`, 0o600);
  }

  /**
   * Serializes refreshes across processes with an exclusive lock file: two refreshes racing with the
   * same refresh token would leave one of them holding a dead token.
   */
  private async withLock<T>(fn: () => Promise<T>, timeoutMs = 15000): Promise<T> {
    const lock = `${this.path}.lock`;
    const t0 = Date.now();
    for (;;) {
      try {
        closeSync(openSync(lock, "wx", 0o600));
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        // A lock left by a crashed process is stale after a minute.
        try {
          if (Date.now() - statSync(lock).mtimeMs > 60000) rmSync(lock, { force: true });
        } catch { /* gone meanwhile */ }
        if (Date.now() - t0 > timeoutMs) throw new Error(`Timed out waiting for the token lock ${lock}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await fn();
    } finally {
      rmSync(lock, { force: true });
    }
  }

  /**
   * Refreshes: the rotated pair is on disk before this returns the new access token. With `skewSeconds`,
   * skips the refresh when, under the lock, the stored token turns out fresh (another process refreshed).
   */
  async refresh(app: Refresher, client: ClientConfig, skewSeconds?: number): Promise<StoredTokens> {
    const { clientId, clientSecret } = requireClient(client);
    return this.withLock(async () => {
      const current = this.read();
      if (!current) throw new Error(`No tokens in ${this.path}. Run the auth command first.`);
      if (skewSeconds !== undefined && current.expires_at - skewSeconds > now()) return current;
      const body = await app.refreshToken({ clientId, clientSecret, refreshToken: current.refresh_token });
      if (!body.refresh_token) throw new Error("Withings answered the refresh without a new refresh token; nothing was changed.");
      const next = toStored(body);
      this.write(next);
      return next;
    });
  }

  /** The stored tokens, refreshed first when the access token expires within `skewSeconds`. */
  async fresh(app: Refresher, client: ClientConfig, skewSeconds = 300): Promise<{ tokens: StoredTokens; refreshed: boolean }> {
    const current = this.read();
    if (!current) throw new Error(`No tokens in ${this.path}. Run the auth command first.`);
    if (current.expires_at - skewSeconds > now()) return { tokens: current, refreshed: false };
    if (!client.clientId || !client.clientSecret) {
      throw new Error("The stored access token has expired. Set WITHINGS_CLIENT_ID and WITHINGS_CLIENT_SECRET so "
        + "the runner can refresh it.");
    }
    const tokens = await this.refresh(app, client, skewSeconds);
    return { tokens, refreshed: tokens.access_token !== current.access_token };
  }
}

export function requireClient(client: ClientConfig): { clientId: string; clientSecret: string } {
  if (!client.clientId) throw new Error("Missing the Withings client id: set WITHINGS_CLIENT_ID or pass --client-id.");
  if (!client.clientSecret) throw new Error("Missing the Withings client secret: set WITHINGS_CLIENT_SECRET.");
  return { clientId: client.clientId, clientSecret: client.clientSecret };
}
