import { AppError, describeError, isRetriable } from './app-error';

class BrokerAwayError extends AppError {
  constructor(cause: unknown) {
    super('KAFKA.UNAVAILABLE', 'broker away', { retriable: true, cause, details: { broker: 'b1' } });
  }
}

describe('AppError', () => {
  it('keeps code, retriable, cause, details and the subclass name', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new BrokerAwayError(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BrokerAwayError');
    expect(error.code).toBe('KAFKA.UNAVAILABLE');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ broker: 'b1' });
    expect(isRetriable(error)).toBe(true);
  });

  it('is not retriable unless it says so', () => {
    expect(isRetriable(new AppError('ORDER.UNKNOWN', 'no such order'))).toBe(false);
    expect(isRetriable(new Error('plain'))).toBe(false);
  });

  it('describes any thrown value safely', () => {
    expect(describeError(new AppError('A.B', 'm'))).toEqual({ code: 'A.B', message: 'm' });
    expect(describeError(new TypeError('t'))).toEqual({ code: 'TypeError', message: 't' });
    expect(describeError('text')).toEqual({ code: 'UNKNOWN', message: 'text' });
  });
});
