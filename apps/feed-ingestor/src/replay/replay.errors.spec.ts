import { InvalidReplayRequestError, parseSince } from './replay.errors';

describe('parseSince', () => {
  const now = Date.parse('2024-02-01T00:00:00Z');

  it('reads an ISO 8601 time with a zone', () => {
    expect(parseSince('2024-01-15T12:00:00Z', now).toISOString()).toBe('2024-01-15T12:00:00.000Z');
    expect(parseSince(' 2024-01-15T14:00:00+02:00 ', now).toISOString()).toBe('2024-01-15T12:00:00.000Z');
  });

  it.each([
    [undefined, 'must be an ISO 8601 time'],
    ['yesterday', 'must be an ISO 8601 time'],
    ['2024-01-15T12:00:00', 'must be an ISO 8601 time'],
    ['2024-13-45T12:00:00Z', 'is not a valid time'],
    ['2024-03-01T00:00:00Z', 'in the future'],
  ])('refuses %p', (value, message) => {
    expect(() => parseSince(value, now)).toThrow(InvalidReplayRequestError);
    expect(() => parseSince(value, now)).toThrow(message);
  });
});
