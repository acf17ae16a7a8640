import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeServiceStartup, startServiceProcess, testBrokers } from '@dropship/testing';

// The router never calls iQmetrix, so it starts without iQmetrix credentials.
describeServiceStartup('order-router', { port: 13102, env: {} });

describe('node dist/apps/order-router/main.js with routing rules', () => {
  function startWithRules(text: string): ReturnType<typeof startServiceProcess> {
    const file = join(mkdtempSync(join(tmpdir(), 'router-rules-')), 'rules.yaml');
    writeFileSync(file, text);
    return startServiceProcess('order-router', {
      KAFKA_BROKERS: testBrokers().join(','),
      HTTP_PORT: '13103',
      ROUTING_RULES_FILE: file,
    });
  }

  it('refuses to start with one line naming the invalid rule and why', async () => {
    // Given a rules file whose second rule names a route that cannot be a topic
    const router = startWithRules('- route: west\n  when: { companyId: 1 }\n- route: West Coast\n');

    // When the router starts / Then it exits 1 with one line naming rule 2 and the reason
    await expect(router.exited).resolves.toEqual({ code: 1, signal: null });
    expect(router.output().trim().split('\n')).toEqual([
      'order-router: invalid configuration: ROUTING_RULES_FILE rule 2: route name "West Coast" must be lowercase letters and digits, in words separated by single hyphens',
    ]);
  });
});
