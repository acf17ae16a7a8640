import { randomBytes } from 'crypto';

/**
 * A name no other test (in this run or an earlier one) uses: topics, consumer groups, client ids
 * and databases are never shared between tests (kafkajs testHelpers style).
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Postgres identifiers: lowercase, underscores, at most 63 bytes, always containing "test". */
export function uniqueDatabaseName(prefix = 'dropship_test'): string {
  const name = uniqueName(prefix).replace(/-/g, '_').toLowerCase();
  return name.slice(0, 63);
}
