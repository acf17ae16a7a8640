import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { StatusCommandData } from './status-command.schema';
import { validateEventData } from './validators';

const type = EVENT_TYPES.statusCommand;
const example = (): StatusCommandData => exampleEvent(type).data;
const orderLevel = (): StatusCommandData => ({
  commandId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
  status: 'Shipped',
  trackingNumbers: ['1Z863YY60392796356'],
  shippingProvider: 'UPS',
});

function reasonOf(data: unknown): string | undefined {
  const result = validateEventData(type, data);
  return result.valid ? undefined : result.reason;
}

describe('status command data schema', () => {
  it("accepts the contract's item-level example and an order-level command", () => {
    // Given both forms / When validated / Then both pass
    expect(reasonOf(example())).toBeUndefined();
    expect(reasonOf(orderLevel())).toBeUndefined();
  });

  it('accepts the minimal order-level command and a status given by its number', () => {
    // Given only id, order and status, the status as a name and as a number / Then all pass
    expect(reasonOf({ commandId: 'c-1', orderId: 'o-1', status: 'Ordered' })).toBeUndefined();
    expect(reasonOf({ commandId: 'c-1', orderId: 'o-1', status: 2 })).toBeUndefined();
    expect(reasonOf({ commandId: 'c-1', orderId: 'o-1', status: 0 })).toBeUndefined();
  });

  it('requires a status for an order-level command', () => {
    // Given an order-level command without status / When validated / Then status is required
    const { status: _status, ...data } = orderLevel();
    expect(reasonOf(data)).toBe('/status is required');
  });

  it('lets items take the top-level status, or require their own when there is none', () => {
    // Given items without status, with and then without a top-level status
    const inherited = { ...orderLevel(), items: [{ sku: 'AB-1' }, { sku: 'AB-2', status: 'BackOrdered' }] };
    const { status: _status, ...withoutTopLevel } = inherited;

    // When validated / Then the first passes and the second names the item that lacks one
    expect(reasonOf(inherited)).toBeUndefined();
    expect(reasonOf(withoutTopLevel)).toBe('/items/0/status is required');
  });

  it.each([
    ['an unknown status name', { status: 'Exception' }, '/status must be one of "PendingSupplier", "Ordered"'],
    ['a status name in the wrong case', { status: 'shipped' }, '/status must be one of'],
    ['a status number above 8', { status: 9 }, '/status must be one of'],
    ['a status number as text', { status: '2' }, '/status must be one of'],
    ['an empty command id', { commandId: '' }, '/commandId must NOT have fewer than 1 characters'],
    ['a blank command id', { commandId: '   ' }, '/commandId must match pattern'],
    ['a command id over 200 characters', { commandId: 'c'.repeat(201) }, '/commandId must NOT have more than 200 characters'],
    ['an empty order id', { orderId: '' }, '/orderId must NOT have fewer than 1 characters'],
    ['tracking numbers joined by a comma', { trackingNumbers: ['1Z8,1Z9'] }, '/trackingNumbers/0 must match pattern'],
    ['a tracking number as a plain string', { trackingNumbers: '1Z8' }, '/trackingNumbers must be array'],
    ['an empty item list', { items: [] }, '/items must NOT have fewer than 1 items'],
    ['a misspelt field', { trackingNumber: '1Z8' }, '/trackingNumber is not allowed'],
    ['a message that is not text', { message: 42 }, '/message must be string'],
  ])('refuses %s with a reason naming the path', (_case, change, reasonStart) => {
    // Given an order-level command with one defect / When validated / Then the reason names it
    expect(reasonOf({ ...orderLevel(), ...change })).toContain(reasonStart);
  });

  it.each([
    ['a quantity of 0', { quantity: 0 }, '/items/0/quantity must be >= 1'],
    ['a quantity as text', { quantity: '1' }, '/items/0/quantity must be integer'],
    ['no SKU', { sku: undefined }, '/items/0/sku is required'],
    ['an unknown item field', { productName: 'Case' }, '/items/0/productName is not allowed'],
  ])('refuses an item with %s', (_case, change, reason) => {
    // Given the example with one defective item / When validated / Then the reason names it
    const data = example();
    const item = { ...data.items?.[0], ...change };
    expect(reasonOf({ ...data, items: [JSON.parse(JSON.stringify(item))] })).toBe(reason);
  });

  it('requires the command id and the order id', () => {
    // Given a command with neither / When validated / Then both are named
    expect(reasonOf({ status: 'Shipped' })).toBe('/commandId is required; /orderId is required');
  });
});
