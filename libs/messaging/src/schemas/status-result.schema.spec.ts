import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { validateEventData } from './validators';

const type = EVENT_TYPES.statusResult;
const ids = { commandId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599' };

function reasonOf(data: unknown): string | undefined {
  const result = validateEventData(type, data);
  return result.valid ? undefined : result.reason;
}

describe('status result data schema', () => {
  it('accepts each outcome in its documented form', () => {
    // Given one result per outcome / When validated / Then all pass
    expect(reasonOf(exampleEvent(type).data)).toBeUndefined();
    expect(reasonOf({ ...ids, outcome: 'accepted' })).toBeUndefined();
    expect(reasonOf({ ...ids, outcome: 'rejected', reason: 'Shipped is final: cannot move to Ordered' })).toBeUndefined();
    expect(reasonOf({ ...ids, outcome: 'failed', iqmetrix: { status: 404, body: 'Not found' } })).toBeUndefined();
  });

  it('requires a reason for a rejected command', () => {
    // Given a rejection without reason / When validated / Then reason is required
    expect(reasonOf({ ...ids, outcome: 'rejected' })).toBe('/reason is required');
  });

  it("requires iQmetrix's answer for a failed command", () => {
    // Given a failure without iqmetrix, then with an impossible status code
    // When validated / Then each is named
    expect(reasonOf({ ...ids, outcome: 'failed', reason: 'refused' })).toBe('/iqmetrix is required');
    expect(reasonOf({ ...ids, outcome: 'failed', iqmetrix: { status: 42, body: '' } })).toBe('/iqmetrix/status must be >= 100');
  });

  it('refuses an outcome outside the contract and fields it does not list', () => {
    // Given outcome "done" and an extra field / When validated / Then both are named
    expect(reasonOf({ ...ids, outcome: 'done', retries: 3 })).toBe(
      '/retries is not allowed; /outcome must be one of "accepted", "delivered", "rejected", "failed"',
    );
  });
});
