import {
  IqmetrixAuthError,
  IqmetrixInvalidStatusBodyError,
  IqmetrixRateLimitedError,
  IqmetrixRequestRejectedError,
  IqmetrixUnauthorizedError,
  IqmetrixUnavailableError,
} from '@dropship/iqmetrix-client';
import { failureAction } from './failure-policy';

const CALL = { method: 'PUT', host: 'dropshipdemo.iqmetrix.net', pathTemplate: '/v1/Suppliers({id})/Orders({id})/OrderStatusUpdate' };
const BACKOFF = { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 };

describe('failureAction', () => {
  it('fails a 400 permanently with iQmetrix answer parsed from JSON', () => {
    // Given iQmetrix refusing a transition in strict mode
    const error = new IqmetrixRequestRejectedError(CALL, 400, '{"Message":"Status cannot change from Ordered to NotAvailable (strict mode)"}');
    // When the action is chosen / Then the row fails with the status and the parsed answer
    expect(failureAction(error, 1, BACKOFF)).toMatchObject({
      kind: 'failed',
      answer: { status: 400, body: { Message: 'Status cannot change from Ordered to NotAvailable (strict mode)' } },
    });
  });

  it('keeps a non-JSON answer as text', () => {
    // Given a 404 with a plain-text body / Then the body is kept as text
    const action = failureAction(new IqmetrixRequestRejectedError(CALL, 404, 'Not found'), 1, BACKOFF);
    expect(action).toMatchObject({ kind: 'failed', answer: { status: 404, body: 'Not found' } });
  });

  it('backs off exponentially with jitter for 5xx', () => {
    // Given a 503 on the third attempt
    const action = failureAction(new IqmetrixUnavailableError(CALL, 'HTTP 503', { status: 503 }), 3, BACKOFF);
    // Then the delay is half (the jitter) of base × 2², and the status is kept
    expect(action).toMatchObject({ kind: 'retry', reason: 'unavailable', delayMs: 2_000, status: 503 });
  });

  it('waits for the rate-limit reset and pauses the relay for it', () => {
    // Given a 429 asking to wait 7 s
    const action = failureAction(new IqmetrixRateLimitedError(CALL, 7_000), 5, BACKOFF);
    // Then the row waits at least the reset, spread by less than 250 ms, and the relay pauses
    expect(action).toMatchObject({ kind: 'retry', reason: 'rate_limited', pauseAllMs: 7_000, status: 429 });
    expect(action.kind === 'retry' && action.delayMs).toBe(7_125);
  });

  it('retries refused credentials instead of failing the command', () => {
    // Given the token endpoint refusing the client
    const action = failureAction(new IqmetrixAuthError('invalid_client', 400), 1, BACKOFF);
    // Then the row is retried with the auth reason
    expect(action).toMatchObject({ kind: 'retry', reason: 'auth' });
    expect(failureAction(new IqmetrixUnauthorizedError(CALL), 1, BACKOFF)).toMatchObject({ kind: 'retry', reason: 'unauthorized' });
  });

  it('parks a body that cannot be sent and an unexpected error', () => {
    // Given a bug-shaped failure / Then the row is parked, not retried forever
    expect(failureAction(new IqmetrixInvalidStatusBodyError('Status must be an enum number 0-8', 'o-1'), 1, BACKOFF).kind).toBe('park');
    expect(failureAction(new TypeError('x is undefined'), 1, BACKOFF)).toMatchObject({ kind: 'park', error: 'unexpected error: TypeError: x is undefined' });
  });
});
