import type { OrderReceivedData } from '@dropship/messaging';
import { RouteConditions, RoutingRule } from './routing-rule';

/**
 * Decides the route topics of a normalized order: every route with at least one matching rule,
 * once, in the order the routes first appear in the file (so copies are produced predictably).
 */
export class RouteMatcher {
  constructor(private readonly rules: readonly RoutingRule[]) {}

  /** The distinct route names of the file, for creating their topics at start. */
  get routes(): string[] {
    return [...new Set(this.rules.map((rule) => rule.route))];
  }

  routesFor(order: OrderReceivedData): string[] {
    const routes = new Set<string>();
    for (const rule of this.rules) {
      if (!routes.has(rule.route) && matches(rule.when, order)) routes.add(rule.route);
    }
    return [...routes];
  }
}

function matches(when: RouteConditions, order: OrderReceivedData): boolean {
  if (when.shipToStore !== undefined && order.shipToStore !== when.shipToStore) return false;
  if (when.skuPrefix && !order.items.some((item) => when.skuPrefix?.some((prefix) => item.sku.startsWith(prefix)))) {
    return false;
  }
  if (when.companyId && !oneOf(when.companyId, order.seller.companyId)) return false;
  if (when.locationId && !oneOf(when.locationId, order.seller.locationId)) return false;
  if (when.shippingMethod && !oneOf(when.shippingMethod, order.shippingMethod)) return false;
  return true;
}

function oneOf<T>(allowed: readonly T[], value: T | null): boolean {
  return value !== null && allowed.includes(value);
}
