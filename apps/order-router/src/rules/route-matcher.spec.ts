import { exampleEvent, EVENT_TYPES, OrderReceivedData } from '@dropship/messaging';
import { RouteMatcher } from './route-matcher';
import { RoutingRule } from './routing-rule';

function order(change: Partial<OrderReceivedData> = {}): OrderReceivedData {
  return { ...exampleEvent(EVENT_TYPES.orderReceived).data, ...change };
}

function rule(position: number, route: string, when: RoutingRule['when']): RoutingRule {
  return { position, route, when };
}

const baseOrder = order();

describe('RouteMatcher', () => {
  it('sends a copy to every route with a matching rule, each once, in file order', () => {
    // Given rules for ship-to-store, the seller's company, and a second rule for ship-to-store
    const matcher = new RouteMatcher([
      rule(1, 'company', { companyId: [33772] }),
      rule(2, 'ship-to-store', { shipToStore: true }),
      rule(3, 'ship-to-store', { skuPrefix: ['AB-'] }),
    ]);

    // When a ship-to-store order of that company is routed / Then it goes to both routes once
    expect(matcher.routesFor(baseOrder)).toEqual(['company', 'ship-to-store']);
    expect(matcher.routes).toEqual(['company', 'ship-to-store']);
  });

  it('requires every condition of a rule', () => {
    // Given one rule with two conditions
    const matcher = new RouteMatcher([rule(1, 'west', { companyId: [33772], locationId: [1] })]);
    // When the order matches only one of them / Then it is not routed
    expect(matcher.routesFor(baseOrder)).toEqual([]);
    expect(matcher.routesFor(order({ seller: { ...baseOrder.seller, locationId: 1 } }))).toEqual(['west']);
  });

  it.each([
    ['shipToStore', { shipToStore: true }, { shipToStore: false }],
    ['skuPrefix (any item)', { skuPrefix: ['ZZ-', 'AB-JH'] }, { skuPrefix: ['ZZ-'] }],
    ['companyId', { companyId: [1, 33772] }, { companyId: [1] }],
    ['locationId', { locationId: [33773] }, { locationId: [33772] }],
    ['shippingMethod', { shippingMethod: ['999', '123'] }, { shippingMethod: ['12'] }],
  ] as [string, RoutingRule['when'], RoutingRule['when']][])('matches on %s', (_name, matching, other) => {
    // Given a matching and a non-matching condition / When the example order is routed
    const matcher = new RouteMatcher([rule(1, 'yes', matching), rule(2, 'no', other)]);
    // Then only the matching rule's route gets it
    expect(matcher.routesFor(baseOrder)).toEqual(['yes']);
  });

  it('never matches a nil value', () => {
    // Given an order without shipping method or company
    const bare = order({ shippingMethod: null, seller: { ...baseOrder.seller, companyId: null } });
    const matcher = new RouteMatcher([rule(1, 'a', { shippingMethod: ['123'] }), rule(2, 'b', { companyId: [33772] })]);
    // When it is routed / Then neither condition holds
    expect(matcher.routesFor(bare)).toEqual([]);
  });

  it('routes every order on a rule without conditions', () => {
    expect(new RouteMatcher([rule(1, 'audit', {})]).routesFor(baseOrder)).toEqual(['audit']);
  });
});
