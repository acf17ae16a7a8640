import { DomainError } from '../errors/domain-error';
import { parseStatus, Status, statusName, tryParseStatus } from './status';
import { UnknownStatusError } from './status.errors';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('parseStatus', () => {
  it.each([
    ['PendingSupplier', 0],
    ['Ordered', 1],
    ['Shipped', 2],
    ['BackOrdered', 3],
    ['Error', 4],
    ['NotAvailable', 5],
    ['PartiallyShipped', 6],
    ['Cancelled', 7],
    ['Other', 8],
  ])('reads the name %s as the number %i', (name, expected) => {
    // Given a status name as iQmetrix writes it in the feed
    // When it is parsed
    const status = parseStatus(name);
    // Then it is the enum value with the documented number
    expect(status).toBe(expected);
  });

  it.each(['shipped', 'SHIPPED', 'partiallyshipped', '  Shipped  '])(
    'ignores letter case and surrounding spaces in %j',
    (input) => {
      // Given a name in another letter case or padded with spaces
      // When it is parsed
      const status = parseStatus(input);
      // Then it names the same status
      expect([Status.Shipped, Status.PartiallyShipped]).toContain(status);
      expect(statusName(status).toLowerCase()).toBe(input.trim().toLowerCase());
    },
  );

  it.each([
    [0, Status.PendingSupplier],
    [2, Status.Shipped],
    [8, Status.Other],
    ['6', Status.PartiallyShipped],
    [' 7 ', Status.Cancelled],
  ])('reads the number %j', (input, expected) => {
    // Given a status number, or a number written as text
    // When it is parsed
    const status = parseStatus(input);
    // Then it is the status with that number
    expect(status).toBe(expected);
  });

  it.each(['Exception', 'Processing', '', '   ', 'Ship', '9', '-1', '2.0', '+2', '1e0', 9, -1, 1.5, NaN])(
    'rejects %p with STATUS.UNKNOWN',
    (input) => {
      // Given input that is no name or number of the enum ("Exception" is from an old draft)
      // When it is parsed
      const error = thrownBy(() => parseStatus(input));
      // Then a typed, non-retriable domain error names the problem
      expect(error).toBeInstanceOf(UnknownStatusError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'STATUS.UNKNOWN', retriable: false, name: 'UnknownStatusError' });
      expect((error as Error).message).toContain('unknown status');
    },
  );
});

describe('tryParseStatus', () => {
  it.each([null, undefined, true, {}, ['Shipped']])('returns undefined for the non-status value %j', (input) => {
    // Given a value of the wrong type, as a malformed command could carry
    // When it is parsed
    const status = tryParseStatus(input);
    // Then there is no status, and nothing is thrown
    expect(status).toBeUndefined();
  });
});

describe('statusName', () => {
  it('names every status as the feed does', () => {
    // Given the nine statuses
    const numbers = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    // When each is named
    const names = numbers.map((status) => statusName(status));
    // Then the names are the iQmetrix enum names in numeric order
    expect(names).toEqual([
      'PendingSupplier',
      'Ordered',
      'Shipped',
      'BackOrdered',
      'Error',
      'NotAvailable',
      'PartiallyShipped',
      'Cancelled',
      'Other',
    ]);
  });

  it('throws STATUS.UNKNOWN for a number outside the enum', () => {
    // Given a number that is not a status
    // When it is named
    // Then the same typed error as for parsing is thrown
    expect(() => statusName(42 as Status)).toThrow(UnknownStatusError);
  });
});
