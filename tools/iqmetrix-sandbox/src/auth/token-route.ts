import { jsonReply, mediaType, readBody, type Reply } from '../support/http';
import type { GrantResult, TokenErrorCode } from './tokens';
import type { Route, RouteContext } from '../routing';

const MAX_FORM_BYTES = 64 * 1024;

/** `POST /v1/oauth2/token` (path case-insensitive: the docs spell it `/oauth2/Token` too). */
export const tokenRoute: Route = {
  name: 'token',
  method: 'POST',
  pattern: /^\/v1\/oauth2\/token$/i,
  service: 'accounts',
  faultTarget: 'token',
  handle: handleTokenRequest,
};

async function handleTokenRequest(ctx: RouteContext): Promise<Reply> {
  const { tokens, stats } = ctx.state;
  const params = await readFormParams(ctx);
  const grantType = params.get('grant_type') ?? '';
  let result: GrantResult;
  if (grantType === 'password') result = tokens.grantPassword(params);
  else if (grantType === 'refresh_token') result = tokens.grantRefresh(params);
  else return unsupportedGrantType(grantType);
  if (!result.ok) return tokenError(result.error, result.description);
  stats.increment(grantType === 'password' ? 'tokensIssued' : 'tokensRefreshed');
  return jsonReply(200, result.grant);
}

/**
 * OWIN reads grant parameters only from a form body; anything else looks like an empty form,
 * hence "grant type ' '" when the content type is wrong (auth FAQ).
 */
async function readFormParams(ctx: RouteContext): Promise<URLSearchParams> {
  const body = await readBody(ctx.req, MAX_FORM_BYTES);
  if (mediaType(ctx.req) !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  return new URLSearchParams(body.toString('utf8'));
}

function unsupportedGrantType(grantType: string): Reply {
  const shown = grantType === '' ? ' ' : grantType;
  return tokenError(
    'unsupported_grant_type',
    `The authorization grant type '${shown}' is not supported by the authorization server`,
  );
}

function tokenError(error: TokenErrorCode, description: string): Reply {
  return jsonReply(400, { error, error_description: description });
}
