import { Client } from 'pg';
import { testPostgresServerUrl } from './test-environment';
import { uniqueDatabaseName } from './unique-names';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, dropped afterwards. Refuses any name without "test"
 * so a misconfigured run can never drop a real database.
 */
export async function createTestDatabase(prefix?: string): Promise<TestDatabase> {
  const name = uniqueDatabaseName(prefix);
  assertTestName(name);
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresServerUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => dropTestDatabase(name),
  };
}

export async function dropTestDatabase(name: string): Promise<void> {
  assertTestName(name);
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function assertTestName(name: string): void {
  if (!/test/.test(name) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`refusing to create or drop database "${name}": test databases must contain "test"`);
  }
}

async function onServer<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresServerUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}
