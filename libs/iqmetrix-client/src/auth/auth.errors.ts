import { AppError } from '@dropship/platform';

/**
 * The token endpoint refused our credentials or grant (HTTP 400 `invalid_client`, `invalid_grant`,
 * `unsupported_grant_type`, …). Not retriable: only new configuration fixes it. `oauthError` is the
 * OAuth error name (also in details.error); no credential ever appears in the error.
 */
export class IqmetrixAuthError extends AppError {
  constructor(
    readonly oauthError: string,
    readonly status: number,
  ) {
    super('IQMETRIX.AUTH_REJECTED', `iQmetrix token request rejected (${status} ${oauthError})`, {
      retriable: false,
      details: { error: oauthError, status },
    });
  }
}
