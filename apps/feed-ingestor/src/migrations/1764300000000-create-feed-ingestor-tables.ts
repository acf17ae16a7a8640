import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ingestor's checkpoint (one row per supplier feed) and the memory of published entry ids that
 * keeps a duplicated feed entry from being published twice; the latter is pruned by age.
 */
export class CreateFeedIngestorTables1764300000000 implements MigrationInterface {
  name = 'CreateFeedIngestorTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "feed_ingestor"."checkpoints" (
        "supplier_id" text PRIMARY KEY,
        "entry_id" text NOT NULL,
        "entry_updated" text NULL,
        "page_url" text NULL,
        "page_id" text NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "feed_ingestor"."published_entries" (
        "entry_key" text PRIMARY KEY,
        "published_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "published_entries_published_at_idx" ON "feed_ingestor"."published_entries" ("published_at")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "feed_ingestor"."published_entries"`);
    await runner.query(`DROP TABLE "feed_ingestor"."checkpoints"`);
  }
}
