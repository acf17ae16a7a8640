import type { IqmetrixSettings } from '@dropship/platform';
import { callContext } from '../http/call-context';
import { errorForResponse } from '../http/classify';
import { IqmetrixUnavailableError } from '../http/iqmetrix.errors';
import type { IqmetrixTransport } from '../http/iqmetrix-transport';
import { readLimited } from '../http/read-body';
import { joinBaseUrl } from '../http/urls';
import { IqmetrixAuthError } from './auth.errors';

export type TokenGrant = { type: 'password' } | { type: 'refresh_token'; refreshToken: string };

/** A token endpoint answer (api-reference §2.1): the only three documented fields. */
export interface IssuedToken {
  accessToken: string;
  refreshToken?: string;
  expiresInSeconds: number;
}

export const TOKEN_PATH = '/v1/oauth2/token';

/** One POST to the accounts service's token endpoint, form-urlencoded as iQmetrix requires. */
export async function requestToken(
  transport: IqmetrixTransport,
  settings: IqmetrixSettings,
  grant: TokenGrant,
  now: () => number,
): Promise<IssuedToken> {
  const url = joinBaseUrl(settings.authUrl, TOKEN_PATH);
  const response = await transport.send({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: grantForm(settings, grant).toString(),
  });
  const call = callContext('POST', url);
  if (response.statusCode === 200) return parseIssuedToken(await response.body.text(), call);
  const bodyText = await readLimited(response.body);
  const { statusCode: status, headers } = response;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    throw new IqmetrixAuthError(oauthErrorName(bodyText, status), status);
  }
  throw errorForResponse(call, { status, headers, bodyText }, now());
}

function grantForm(settings: IqmetrixSettings, grant: TokenGrant): URLSearchParams {
  const client = { client_id: settings.clientId, client_secret: settings.clientSecret };
  if (grant.type === 'refresh_token') {
    return new URLSearchParams({ grant_type: 'refresh_token', ...client, refresh_token: grant.refreshToken });
  }
  return new URLSearchParams({
    grant_type: 'password',
    username: settings.username,
    password: settings.password,
    ...client,
  });
}

function parseIssuedToken(text: string, call: ReturnType<typeof callContext>): IssuedToken {
  const body = parseJsonObject(text);
  const accessToken = body?.['access_token'];
  const expiresIn = Number(body?.['expires_in']);
  const refreshToken = body?.['refresh_token'];
  if (typeof accessToken !== 'string' || accessToken === '' || !(expiresIn > 0)) {
    throw new IqmetrixUnavailableError(call, 'malformed token response', { status: 200 });
  }
  return {
    accessToken,
    expiresInSeconds: expiresIn,
    refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : undefined,
  };
}

function oauthErrorName(bodyText: string, status: number): string {
  const error = parseJsonObject(bodyText)?.['error'];
  return typeof error === 'string' && /^[\w.-]{1,64}$/.test(error) ? error : `http_${status}`;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
