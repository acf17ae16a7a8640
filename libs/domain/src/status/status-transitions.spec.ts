import { Status, statusName } from './status';
import { allowedNextStatuses, checkTransition, TransitionLevel } from './status-transitions';

/*
 * The expected rules, written out independently of STATUS_TRANSITIONS so that a change to the table
 * fails here. Rows: from; columns: to, in numeric order. Y = allowed, . = rejected.
 */
const COLUMNS = 'PendingSupplier Ordered Shipped BackOrdered Error NotAvailable PartiallyShipped Cancelled Other';
const EXPECTED: Record<string, string> = {
  //                  PS O  S  BO E  NA PS C  Ot
  PendingSupplier: '  .  Y  .  Y  Y  Y  .  Y  Y',
  Ordered: '          .  Y  Y  Y  Y  Y  Y  Y  Y',
  Shipped: '          .  .  Y  .  .  .  .  .  .',
  BackOrdered: '      .  Y  .  Y  Y  Y  .  Y  Y',
  Error: '            .  Y  .  Y  Y  Y  .  Y  Y',
  NotAvailable: '     .  .  .  .  Y  Y  .  Y  Y',
  PartiallyShipped: ' .  .  Y  .  Y  .  Y  .  Y',
  Cancelled: '        .  .  .  .  .  .  .  .  .',
  Other: '            .  Y  .  Y  Y  Y  .  Y  Y',
};

const toNames = COLUMNS.split(' ');
const cases: Array<[TransitionLevel, string, string, boolean]> = [];
for (const level of ['order', 'item'] as const) {
  for (const [fromName, row] of Object.entries(EXPECTED)) {
    row
      .trim()
      .split(/\s+/)
      .forEach((mark, column) => cases.push([level, fromName, toNames[column], mark === 'Y']));
  }
}

function status(name: string): Status {
  return Status[name as keyof typeof Status];
}

describe('checkTransition', () => {
  it('covers all 81 status pairs for each level', () => {
    // Given the expected matrix
    // When its cases are counted
    // Then every pair of the nine statuses is there, for orders and for items
    expect(cases).toHaveLength(2 * 81);
  });

  it.each(cases)('for an %s, %s → %s is allowed: %s', (level, fromName, toName, expected) => {
    // Given an order or item in one status
    const from = status(fromName);
    // When a move to another status is checked
    const check = checkTransition(from, status(toName), level);
    // Then it is allowed exactly when the matrix says so, and a rejection explains itself
    expect(check.allowed).toBe(expected);
    if (!check.allowed) {
      expect(check.reason).toContain(`${level} status ${fromName} cannot become ${toName}`);
    }
  });

  it('explains that Shipped is final except to add tracking numbers', () => {
    // Given a shipped order
    // When it is moved back to Ordered
    const check = checkTransition(Status.Shipped, Status.Ordered, 'order');
    // Then the reason says Shipped is final
    expect(check).toEqual({
      allowed: false,
      reason:
        'order status Shipped cannot become Ordered: Shipped is final: only Shipped again to add tracking numbers',
    });
  });

  it('explains that Cancelled is final', () => {
    // Given a cancelled item
    // When it is shipped
    const check = checkTransition(Status.Cancelled, Status.Shipped, 'item');
    // Then the reason says Cancelled is final
    expect(check).toEqual({
      allowed: false,
      reason: 'item status Cancelled cannot become Shipped: Cancelled is final',
    });
  });

  it.each([Status.Ordered, Status.Shipped, Status.Cancelled, Status.PendingSupplier])(
    'explains that the connector never sends PendingSupplier, even from %p',
    (from) => {
      // Given an order in any status, Cancelled included
      // When it is moved to PendingSupplier
      const check = checkTransition(from, Status.PendingSupplier, 'order');
      // Then the reason is the never-PendingSupplier rule, not the source's own rule
      expect(check.allowed).toBe(false);
      expect(!check.allowed && check.reason).toContain('the connector never sends PendingSupplier');
    },
  );

  it('tells a sender to acknowledge with Ordered before shipping a pending order', () => {
    // Given an order still PendingSupplier
    // When it is shipped directly
    const check = checkTransition(Status.PendingSupplier, Status.Shipped, 'order');
    // Then the reason points at the missing Ordered step
    expect(!check.allowed && check.reason).toContain('acknowledge with Ordered before shipping');
  });

  it('tells a sender that a back-order goes through Ordered', () => {
    // Given a back-ordered item
    // When it is shipped directly
    const check = checkTransition(Status.BackOrdered, Status.Shipped, 'item');
    // Then the reason names the BackOrdered → Ordered step
    expect(!check.allowed && check.reason).toContain('BackOrdered → Ordered');
  });
});

describe('allowedNextStatuses', () => {
  it('lists only Cancelled and the exception states after NotAvailable', () => {
    // Given an item that is not available
    // When its possible next statuses are listed
    const next = allowedNextStatuses(Status.NotAvailable).map(statusName);
    // Then they are NotAvailable again, Cancelled, Error and Other
    expect([...next].sort()).toEqual(['Cancelled', 'Error', 'NotAvailable', 'Other']);
  });
});
