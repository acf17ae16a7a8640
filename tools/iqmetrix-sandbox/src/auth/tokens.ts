import { randomBytes } from 'node:crypto';
import type { Clock } from '../support/clock';
import type { SandboxCredentials } from '../options';

export type TokenErrorCode = 'unsupported_grant_type' | 'invalid_client' | 'invalid_grant';

export interface TokenGrant {
  access_token: string;
  expires_in: number;
  refresh_token: string;
}

export type GrantResult = { ok: true; grant: TokenGrant } | { ok: false; error: TokenErrorCode; description: string };

interface AccessRecord {
  expiresAt: number;
}

interface RefreshRecord {
  expiresAt: number;
  clientId: string;
  accessToken: string;
}

/** Sweep expired tokens once the maps grow past this, so long benchmark runs stay bounded. */
const SWEEP_THRESHOLD = 2000;

/**
 * Access and refresh tokens of the accounts service. Tokens are random opaque strings (crypto,
 * not the seeded generator: they are secrets in spirit, and nothing should depend on their value).
 */
export class TokenStore {
  private access = new Map<string, AccessRecord>();
  private refresh = new Map<string, RefreshRecord>();

  constructor(
    private readonly credentials: SandboxCredentials,
    private readonly clock: Clock,
    private ttl: { accessSeconds: number; refreshSeconds: number },
  ) {}

  setAccessTtlSeconds(seconds: number): void {
    this.ttl = { ...this.ttl, accessSeconds: seconds };
  }

  accessTtlSeconds(): number {
    return this.ttl.accessSeconds;
  }

  grantPassword(params: URLSearchParams): GrantResult {
    if (!this.isClientValid(params)) return failure('invalid_client', 'The client credentials are invalid');
    const { username, password } = this.credentials;
    if (params.get('username') !== username || params.get('password') !== password) {
      return failure('invalid_grant', 'The user name or password is incorrect.');
    }
    return { ok: true, grant: this.issue(this.credentials.clientId) };
  }

  /** Exchanging a refresh token revokes it and the access token issued with it (S4). */
  grantRefresh(params: URLSearchParams): GrantResult {
    if (!this.isClientValid(params)) return failure('invalid_client', 'The client credentials are invalid');
    const token = params.get('refresh_token') ?? '';
    const record = this.refresh.get(token);
    const now = this.clock.now();
    if (!record || record.expiresAt <= now || record.clientId !== params.get('client_id')) {
      return failure('invalid_grant', 'The refresh token is invalid.');
    }
    this.refresh.delete(token);
    this.access.delete(record.accessToken);
    return { ok: true, grant: this.issue(record.clientId) };
  }

  isAccessTokenValid(token: string): boolean {
    const record = this.access.get(token);
    return record !== undefined && record.expiresAt > this.clock.now();
  }

  /** Revokes every access token (refresh tokens stay usable, as after a server-side expiry). */
  revokeAllAccessTokens(): number {
    const count = this.access.size;
    this.access.clear();
    return count;
  }

  reset(): void {
    this.access.clear();
    this.refresh.clear();
  }

  private isClientValid(params: URLSearchParams): boolean {
    return (
      params.get('client_id') === this.credentials.clientId &&
      params.get('client_secret') === this.credentials.clientSecret
    );
  }

  private issue(clientId: string): TokenGrant {
    this.sweepIfLarge();
    const now = this.clock.now();
    const accessToken = randomBytes(32).toString('base64url');
    const refreshToken = randomBytes(24).toString('hex');
    this.access.set(accessToken, { expiresAt: now + this.ttl.accessSeconds * 1000 });
    this.refresh.set(refreshToken, { expiresAt: now + this.ttl.refreshSeconds * 1000, clientId, accessToken });
    return { access_token: accessToken, expires_in: this.ttl.accessSeconds, refresh_token: refreshToken };
  }

  private sweepIfLarge(): void {
    if (this.access.size + this.refresh.size < SWEEP_THRESHOLD) return;
    const now = this.clock.now();
    for (const [token, record] of this.access) if (record.expiresAt <= now) this.access.delete(token);
    for (const [token, record] of this.refresh) if (record.expiresAt <= now) this.refresh.delete(token);
  }
}

function failure(error: TokenErrorCode, description: string): GrantResult {
  return { ok: false, error, description };
}
