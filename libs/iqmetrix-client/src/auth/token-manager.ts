import { Logger } from '@nestjs/common';
import { IqmetrixSettings, isRetriable } from '@dropship/platform';
import type { IqmetrixTransport } from '../http/iqmetrix-transport';
import { IqmetrixAuthError } from './auth.errors';
import { IssuedToken, requestToken, TokenGrant } from './token-request';

export interface TokenManagerOptions {
  /** Renew this long before the token expires; never more than half its lifetime. Default 5 min. */
  refreshMarginMs?: number;
  /** The clock, injectable for tests. */
  now?: () => number;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  accessToken: string;
  refreshToken?: string;
  /** From here on the token is renewed before use. */
  refreshAt: number;
  /** From here on the token is not used at all. */
  expiresAt: number;
}

/**
 * Holds the process's iQmetrix access token (api-reference decision 2): password grant at first
 * use, refresh-token grant shortly before expiry, password grant again when the refresh token is
 * refused with `invalid_grant`. One token request is in flight at a time, shared by all callers.
 */
export class TokenManager {
  private readonly logger = new Logger(TokenManager.name);
  private readonly refreshMarginMs: number;
  private readonly now: () => number;
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;

  constructor(
    private readonly settings: IqmetrixSettings,
    private readonly transport: IqmetrixTransport,
    options: TokenManagerOptions = {},
  ) {
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * A usable access token, from the cache or from the token endpoint. Rejects with
   * IqmetrixAuthError (credentials refused) or a retriable error (accounts service away).
   */
  async getToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.accessToken;
    try {
      return (await this.renew()).accessToken;
    } catch (error) {
      // An early refresh that fails for a passing reason must not stop calls the old token still serves.
      const current = this.cached;
      if (isRetriable(error) && current && this.now() < current.expiresAt) return current.accessToken;
      throw error;
    }
  }

  /**
   * Drops `token` after the Dropship API answered 401 with it. Only the token still cached is
   * dropped, so many concurrent 401s for one token cause a single renewal.
   */
  invalidate(token: string): void {
    if (this.cached?.accessToken !== token) return;
    this.cached = { ...this.cached, refreshAt: Number.NEGATIVE_INFINITY, expiresAt: Number.NEGATIVE_INFINITY };
  }

  private renew(): Promise<CachedToken> {
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async obtain(): Promise<CachedToken> {
    const requestedAt = this.now();
    const refreshToken = this.cached?.refreshToken;
    const issued = refreshToken ? await this.refreshOrLogIn(refreshToken) : await this.grant({ type: 'password' });
    this.cached = this.toCached(issued, requestedAt);
    return this.cached;
  }

  private async refreshOrLogIn(refreshToken: string): Promise<IssuedToken> {
    try {
      return await this.grant({ type: 'refresh_token', refreshToken });
    } catch (error) {
      if (!(error instanceof IqmetrixAuthError && error.oauthError === 'invalid_grant')) throw error;
      this.logger.warn({ msg: 'iQmetrix refresh token refused (invalid_grant); using the password grant' });
      return this.grant({ type: 'password' });
    }
  }

  private async grant(grant: TokenGrant): Promise<IssuedToken> {
    const issued = await requestToken(this.transport, this.settings, grant, this.now);
    this.logger.log({ msg: 'iQmetrix token obtained', grant: grant.type, expiresInSeconds: issued.expiresInSeconds });
    return issued;
  }

  // The lifetime is counted from when we asked, not when the answer arrived: the server's clock started first.
  private toCached(issued: IssuedToken, requestedAt: number): CachedToken {
    const lifetimeMs = issued.expiresInSeconds * 1000;
    const marginMs = Math.min(this.refreshMarginMs, lifetimeMs / 2);
    return {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      refreshAt: requestedAt + lifetimeMs - marginMs,
      expiresAt: requestedAt + lifetimeMs,
    };
  }
}
