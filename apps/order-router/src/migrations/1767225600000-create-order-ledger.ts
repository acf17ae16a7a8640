import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The router's ledger. Every row names the input record (topic, partition, offset) that wrote it:
 * that is how a batch read again after its Kafka transaction aborted is told apart from a
 * duplicate (see PostgresOrderLedger).
 */
export class CreateOrderLedger1767225600000 implements MigrationInterface {
  name = 'CreateOrderLedger1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "order_router"."received_orders" (
        "order_id" text PRIMARY KEY,
        "entry_id" text NOT NULL,
        "source_topic" text NOT NULL,
        "source_partition" integer NOT NULL,
        "source_offset" bigint NOT NULL,
        "received_at" timestamptz NOT NULL,
        "claimed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "order_router"."status_updates" (
        "source_topic" text NOT NULL,
        "source_partition" integer NOT NULL,
        "source_offset" bigint NOT NULL,
        "order_id" text NOT NULL,
        "entry_id" text NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('confirmed', 'unchanged', 'duplicate')),
        "content_hash" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("source_topic", "source_partition", "source_offset")
      )`);
    await runner.query(
      `CREATE INDEX "status_updates_order_idx" ON "order_router"."status_updates" ("order_id", "source_offset")`,
    );
    await runner.query(`
      CREATE TABLE "order_router"."order_statuses" (
        "order_id" text PRIMARY KEY,
        "source_offset" bigint NOT NULL,
        "status" text NULL,
        "tracking_numbers" text[] NOT NULL,
        "items" jsonb NOT NULL,
        "entry_id" text NOT NULL,
        "confirmed_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "order_router"."order_statuses"`);
    await runner.query(`DROP TABLE "order_router"."status_updates"`);
    await runner.query(`DROP TABLE "order_router"."received_orders"`);
  }
}
