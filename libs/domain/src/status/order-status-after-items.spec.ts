import { Status } from './status';
import { orderStatusAfterItems } from './order-status-after-items';

const { Ordered, Shipped, BackOrdered, NotAvailable, PartiallyShipped, Cancelled, PendingSupplier } = Status;

describe('orderStatusAfterItems', () => {
  it.each([
    ['every item shipped', Ordered, [Shipped, Shipped], Shipped],
    ['one item shipped, one still ordered', Ordered, [Shipped, Ordered], PartiallyShipped],
    ['one item partially shipped', Ordered, [PartiallyShipped, Ordered], PartiallyShipped],
    ['shipped items and a cancelled one', PartiallyShipped, [Shipped, Cancelled], Shipped],
    ['every item cancelled', Ordered, [Cancelled, Cancelled], Cancelled],
    ['every remaining item back-ordered', Ordered, [BackOrdered, Cancelled, BackOrdered], BackOrdered],
    ['mixed statuses and nothing shipped', Ordered, [BackOrdered, NotAvailable], Ordered],
    ['mixed statuses on a pending order', PendingSupplier, [Ordered, PendingSupplier], PendingSupplier],
    ['no items known', BackOrdered, [], BackOrdered],
  ])('with %s, the order becomes the expected status', (_case, current, items, expected) => {
    // Given an order's current status and its items' statuses after an item-level update
    // When the order's status is derived
    const status = orderStatusAfterItems(current, items);
    // Then it follows the items
    expect(status).toBe(expected);
  });
});
