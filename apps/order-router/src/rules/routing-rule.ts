/**
 * One routing rule of ROUTING_RULES_FILE, validated. Every condition that is present must hold for
 * the rule to match; a list means "any of these values". A rule without conditions matches every
 * order. Several rules may name the same route: the route gets one copy when any of them matches.
 */
export interface RouteConditions {
  readonly shipToStore?: boolean;
  /** At least one item's SKU starts with one of these. */
  readonly skuPrefix?: readonly string[];
  /** `seller.companyId` is one of these. */
  readonly companyId?: readonly number[];
  /** `seller.locationId` is one of these. */
  readonly locationId?: readonly number[];
  /** `shippingMethod` (the supplier's shipping option id, text) is one of these. */
  readonly shippingMethod?: readonly string[];
}

export interface RoutingRule {
  /** 1-based position in the file, for messages. */
  readonly position: number;
  readonly route: string;
  readonly when: RouteConditions;
}

export const CONDITION_NAMES = ['shipToStore', 'skuPrefix', 'companyId', 'locationId', 'shippingMethod'] as const;
