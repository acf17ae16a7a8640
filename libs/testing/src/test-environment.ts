/** Where integration tests find the real broker and Postgres (the same variables as the services). */
export function testBrokers(): string[] {
  return (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
}

/** The server tests create their databases on: DATABASE_URL without its database name. */
export function testPostgresServerUrl(): string {
  const url = new URL(process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
}
