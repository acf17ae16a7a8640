import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoutingRules } from './parse-routing-rules';
import { InvalidRoutingRulesError } from './routing-rules.errors';

function problem(text: string): string {
  try {
    parseRoutingRules(text);
  } catch (error) {
    if (error instanceof InvalidRoutingRulesError) return error.message;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

describe('parseRoutingRules', () => {
  it('reads the example file of the README', () => {
    // Given the example rules file / When parsed
    const rules = parseRoutingRules(readFileSync(join(__dirname, '..', '..', 'routing-rules.example.yaml'), 'utf8'));

    // Then every rule keeps its position, and single values become lists (numbers as option ids)
    expect(rules).toEqual([
      { position: 1, route: 'ship-to-store', when: { shipToStore: true } },
      { position: 2, route: 'west-warehouse', when: { companyId: [33772, 50068], skuPrefix: ['AB-', 'CD-'] } },
      { position: 3, route: 'express', when: { locationId: [33773], shippingMethod: ['350', '351'] } },
      { position: 4, route: 'audit', when: {} },
    ]);
  });

  it('reads JSON as well, and an unquoted shipping method as text', () => {
    // Given the same kind of rules in JSON / When parsed / Then they read the same way
    expect(parseRoutingRules('[{"route": "express", "when": {"shippingMethod": 350}}]')).toEqual([
      { position: 1, route: 'express', when: { shippingMethod: ['350'] } },
    ]);
  });

  it('treats an empty file as no rules', () => {
    expect(parseRoutingRules('')).toEqual([]);
    expect(parseRoutingRules('# nothing yet\n')).toEqual([]);
  });

  it.each([
    ['a mapping instead of a list', 'route: west\n', 'must be a list of rules (found a mapping)'],
    ['a rule that is text', '- west\n', 'rule 1: must be a mapping with "route" and "when" (found a string)'],
    ['a missing route', '- when: { shipToStore: true }\n', 'rule 1: "route" is required: a route name such as ship-to-store'],
    ['an unknown field', '- route: west\n  wen: {}\n', 'rule 1: unknown field "wen" (expected route, when)'],
    ['a route that cannot be a topic', '- route: a\n- route: West_1\n', 'rule 2: route name "West_1" must be lowercase letters and digits, in words separated by single hyphens'],
    ['the reserved route dlq', '- route: dlq\n', 'rule 1: route name "dlq" is reserved (it would be the dead-letter topic)'],
    ['conditions that are a list', '- route: a\n  when: [shipToStore]\n', 'rule 1: "when" must be a mapping of conditions (found a list)'],
    ['an unknown condition', '- route: a\n  when: { skuprefix: AB- }\n', 'rule 1: unknown condition "skuprefix" (expected shipToStore, skuPrefix, companyId, locationId, shippingMethod)'],
    ['ship-to-store as text', '- route: a\n  when: { shipToStore: "yes" }\n', 'rule 1: shipToStore must be true or false'],
    ['an empty SKU prefix list', '- route: a\n  when: { skuPrefix: [] }\n', 'rule 1: skuPrefix must be a non-empty text or a non-empty list of them'],
    ['a company id that is text', '- route: a\n  when: { companyId: [1, two] }\n', 'rule 1: companyId must be a whole number or a non-empty list of them'],
    ['a decimal location id', '- route: a\n  when: { locationId: 1.5 }\n', 'rule 1: locationId must be a whole number or a non-empty list of them'],
    ['a shipping method that is a mapping', '- route: a\n  when: { shippingMethod: { id: 1 } }\n', 'rule 1: shippingMethod must be a shipping option id or a non-empty list of them'],
  ])('refuses %s with the rule position and the reason', (_case, text, message) => {
    // Given an invalid rules file / When parsed / Then the one-line message names the rule and why
    expect(problem(text)).toBe(message);
  });

  it('refuses text that is neither YAML nor JSON, saying where', () => {
    // Given an unclosed flow sequence / When parsed / Then the message has the line and column
    expect(problem('- route: west\n  when: {companyId: [1\n')).toMatch(/^is not valid YAML or JSON \(line 3, column 1: .+\)$/);
    expect(problem('- route: a\n  route: b\n')).toBe('is not valid YAML or JSON (line 2, column 3: Map keys must be unique)');
  });
});
