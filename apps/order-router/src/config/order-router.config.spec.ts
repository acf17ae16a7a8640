import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@dropship/platform';
import { readOrderRouterConfig } from './order-router.config';

function rulesFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'router-config-')), 'rules.yaml');
  writeFileSync(file, text);
  return file;
}

function configError(env: Record<string, string>): ConfigError {
  try {
    readOrderRouterConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readOrderRouterConfig', () => {
  it('has no routes without ROUTING_RULES_FILE and needs no iQmetrix credentials', () => {
    // Given an empty environment / When read / Then the router has defaults and no rules
    const config = readOrderRouterConfig({});
    expect(config.router).toEqual({ rules: [], supplierId: undefined, readerThreads: 1 });
    expect(config.connector.httpPort).toBe(3002);
  });

  it('reads the rules file and the optional supplier id', () => {
    // Given a rules file and IQMETRIX_SUPPLIER_ID / When read / Then both are there
    const env = { ROUTING_RULES_FILE: rulesFile('- route: west\n'), IQMETRIX_SUPPLIER_ID: '60455' };
    expect(readOrderRouterConfig(env).router).toEqual({ rules: [{ position: 1, route: 'west', when: {} }], supplierId: 60455, readerThreads: 1 });
  });

  it('reads ORDER_READER_THREADS, 0 meaning the main thread reads', () => {
    // Given 0 and 3 / When read / Then the router has that many reader threads
    expect(readOrderRouterConfig({ ORDER_READER_THREADS: '0' }).router.readerThreads).toBe(0);
    expect(readOrderRouterConfig({ ORDER_READER_THREADS: ' 3 ' }).router.readerThreads).toBe(3);
  });

  it.each(['-1', 'two', '17', '1.5'])('names ORDER_READER_THREADS when it is %p', (value) => {
    // Given a value that is not a thread count / When read / Then the error names the variable
    const error = configError({ ORDER_READER_THREADS: value });
    expect(error.variable).toBe('ORDER_READER_THREADS');
    expect(error.message).toBe('ORDER_READER_THREADS is malformed: expected a whole number from 0 to 16');
  });

  it('names ROUTING_RULES_FILE, the rule and the reason when a rule is invalid', () => {
    // Given a second rule without a route / When read / Then the one line says so
    const error = configError({ ROUTING_RULES_FILE: rulesFile('- route: west\n- when: {}\n') });
    expect(error.variable).toBe('ROUTING_RULES_FILE');
    expect(error.message).toBe('ROUTING_RULES_FILE rule 2: "route" is required: a route name such as ship-to-store');
  });

  it('names ROUTING_RULES_FILE when the file cannot be read', () => {
    const error = configError({ ROUTING_RULES_FILE: '/nonexistent/rules.yaml' });
    expect(error.message).toBe('ROUTING_RULES_FILE cannot be read (ENOENT)');
  });
});
