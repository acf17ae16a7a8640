import { rejectionCategory } from './rejection-reason';

describe('rejectionCategory', () => {
  it.each([
    ['malformed JSON: the value (12 characters) is not valid JSON', 'malformed_json'],
    ['not a CloudEvents 1.0 status command: /specversion must be "1.0"', 'not_cloudevent'],
    ['schema violation: /data/status must be one of …', 'schema_violation'],
    ['unknown order o-1: no dropship.order.received was seen for it within 120 s', 'unknown_order'],
    ['unknown SKU X in order o-1', 'unknown_sku'],
    ['SKU A: unknown status "Exception"', 'unknown_status'],
    ['SKU A: quantity 4 is more than the 3 ordered', 'quantity'],
    ['tracking number "A,B" contains a comma', 'tracking_number'],
    ['order status Cancelled cannot become Shipped: Cancelled is final', 'status_rules'],
  ])('labels %j as %s', (reason, category) => {
    // Given a reason the publisher gives / When labelled / Then the label is bounded and telling
    expect(rejectionCategory(reason)).toBe(category);
  });
});
