import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code, is never retriable and keeps its cause and details', () => {
    // Given a cause and non-sensitive details
    const cause = new Error('root');
    // When a domain error is created
    const error = new DomainError('ORDER.EXAMPLE', 'an example', { cause, details: { sku: 'A' } });
    // Then it has the AppError shape edges map by
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'ORDER.EXAMPLE', message: 'an example', retriable: false });
    expect(error.name).toBe('DomainError');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ sku: 'A' });
  });
});
