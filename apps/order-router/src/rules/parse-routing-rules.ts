import { routeNameProblem } from '@dropship/messaging';
import { parseDocument } from 'yaml';
import { CONDITION_NAMES, RouteConditions, RoutingRule } from './routing-rule';
import { InvalidRoutingRulesError } from './routing-rules.errors';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Conditions = Mutable<RouteConditions>;

const RULE_FIELDS = ['route', 'when'];

/**
 * Reads the text of a routing rules file. YAML 1.2 is a superset of JSON, so one parser takes
 * both. Throws InvalidRoutingRulesError naming the first problem (and the rule's position).
 */
export function parseRoutingRules(text: string): RoutingRule[] {
  const document = parseDocument(text, { uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}: ` : '';
    throw new InvalidRoutingRulesError(`is not valid YAML or JSON (${where}${firstLine(error.message)})`);
  }
  return validateRoutingRules(document.toJS() as unknown);
}

/** Validates parsed rules: a list of `{ route, when }` (see RoutingRule). */
export function validateRoutingRules(value: unknown): RoutingRule[] {
  // An empty file means no rules, like an absent ROUTING_RULES_FILE.
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new InvalidRoutingRulesError(`must be a list of rules (found ${kindOf(value)})`);
  }
  return value.map((rule, index) => validateRule(rule, index + 1));
}

function validateRule(rule: unknown, position: number): RoutingRule {
  const fail = (reason: string): never => {
    throw new InvalidRoutingRulesError(reason, position);
  };
  if (!isPlainObject(rule)) return fail(`must be a mapping with "route" and "when" (found ${kindOf(rule)})`);
  const unknown = Object.keys(rule).find((key) => !RULE_FIELDS.includes(key));
  if (unknown !== undefined) fail(`unknown field "${unknown}" (expected route, when)`);
  const route = rule['route'];
  if (typeof route !== 'string') return fail('"route" is required: a route name such as ship-to-store');
  const problem = routeNameProblem(route);
  if (problem !== undefined) fail(`route name ${JSON.stringify(route)} ${problem}`);
  return { position, route, when: validateConditions(rule['when'], fail) };
}

function validateConditions(when: unknown, fail: (reason: string) => never): RouteConditions {
  if (when === undefined || when === null) return {};
  if (!isPlainObject(when)) return fail(`"when" must be a mapping of conditions (found ${kindOf(when)})`);
  const conditions: Conditions = {};
  for (const [name, value] of Object.entries(when)) {
    switch (name) {
      case 'shipToStore':
        if (typeof value !== 'boolean') fail('shipToStore must be true or false');
        conditions.shipToStore = value as boolean;
        break;
      case 'skuPrefix':
        conditions.skuPrefix = listOf(value, (item) => typeof item === 'string' && item.length > 0, () =>
          fail('skuPrefix must be a non-empty text or a non-empty list of them'),
        ) as string[];
        break;
      case 'companyId':
      case 'locationId':
        conditions[name] = listOf(value, Number.isSafeInteger, () =>
          fail(`${name} must be a whole number or a non-empty list of them`),
        ) as number[];
        break;
      case 'shippingMethod':
        conditions.shippingMethod = shippingMethods(value, fail);
        break;
      default:
        fail(`unknown condition "${name}" (expected ${CONDITION_NAMES.join(', ')})`);
    }
  }
  return conditions;
}

/** Shipping option ids are text in the feed ("123"); YAML reads an unquoted 123 as a number. */
function shippingMethods(value: unknown, fail: (reason: string) => never): string[] {
  const isMethod = (item: unknown): boolean =>
    (typeof item === 'string' && item.length > 0) || Number.isSafeInteger(item);
  const methods = listOf(value, isMethod, () =>
    fail('shippingMethod must be a shipping option id or a non-empty list of them'),
  );
  return methods.map(String);
}

function listOf(value: unknown, isItem: (item: unknown) => boolean, fail: () => never): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0 || !items.every(isItem)) fail();
  return items;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
