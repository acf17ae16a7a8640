import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publisher's tables. Plain SQL rather than entities: the relay's claim needs DISTINCT ON,
 * FOR UPDATE SKIP LOCKED and partial indexes, which are clearer written out.
 * - orders: the order view commands are decided against (`state` is the domain's OrderState).
 * - command_ledger: one row per command id ever answered or held (idempotency).
 * - held_commands: commands whose order has not been received yet, waiting a bounded time.
 * - outbox: the exact PUTs to make, in `seq` order per order.
 * - result_outbox: result events (accepted/rejected/delivered/failed) waiting to be published.
 * - processed_confirmations: status-confirmed entry ids already applied (at-least-once input).
 */
export class CreatePublisherTables1732700000000 implements MigrationInterface {
  name = 'CreatePublisherTables1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['processed_confirmations', 'result_outbox', 'outbox', 'held_commands', 'command_ledger', 'orders']) {
      await runner.query(`DROP TABLE IF EXISTS status_publisher.${table}`);
    }
    await runner.query('DROP SEQUENCE IF EXISTS status_publisher.outbox_seq');
  }
}

const STATEMENTS = [
  `CREATE TABLE status_publisher.orders (
    order_id text PRIMARY KEY,
    state jsonb NOT NULL,
    received_entry_id text,
    puts_delivered integer NOT NULL DEFAULT 0,
    confirmations_seen integer NOT NULL DEFAULT 0,
    confirmed jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE status_publisher.command_ledger (
    command_id text PRIMARY KEY,
    order_id text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('held', 'accepted', 'rejected')),
    reason text,
    source text,
    received_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz
  )`,
  `CREATE INDEX command_ledger_received_at ON status_publisher.command_ledger (received_at)`,
  `CREATE TABLE status_publisher.held_commands (
    command_id text PRIMARY KEY,
    order_id text NOT NULL,
    seq bigserial NOT NULL,
    command jsonb NOT NULL,
    traceparent text,
    hold_until timestamptz NOT NULL
  )`,
  `CREATE INDEX held_commands_order ON status_publisher.held_commands (order_id, seq)`,
  `CREATE INDEX held_commands_hold_until ON status_publisher.held_commands (hold_until)`,
  `CREATE SEQUENCE status_publisher.outbox_seq`,
  `CREATE TABLE status_publisher.outbox (
    id bigserial PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('status_publisher.outbox_seq'),
    order_id text NOT NULL,
    command_id text,
    method text NOT NULL,
    path text NOT NULL,
    body jsonb NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'parked')),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_by text,
    claimed_until timestamptz,
    attempts_started integer NOT NULL DEFAULT 0,
    attempts_finished integer NOT NULL DEFAULT 0,
    last_error text,
    last_status integer,
    response jsonb,
    traceparent text,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz
  )`,
  `CREATE INDEX outbox_pending_heads ON status_publisher.outbox (order_id, seq) WHERE state = 'pending'`,
  `CREATE INDEX outbox_pending_due ON status_publisher.outbox (next_attempt_at, seq) WHERE state = 'pending'`,
  `CREATE INDEX outbox_state_finished ON status_publisher.outbox (state, finished_at)`,
  `CREATE TABLE status_publisher.result_outbox (
    id bigserial PRIMARY KEY,
    event_id uuid NOT NULL,
    order_id text NOT NULL,
    command_id text NOT NULL,
    data jsonb NOT NULL,
    traceparent text,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz
  )`,
  `CREATE INDEX result_outbox_unpublished ON status_publisher.result_outbox (id) WHERE published_at IS NULL`,
  `CREATE INDEX result_outbox_published_at ON status_publisher.result_outbox (published_at)`,
  `CREATE TABLE status_publisher.processed_confirmations (
    entry_id text PRIMARY KEY,
    order_id text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX processed_confirmations_at ON status_publisher.processed_confirmations (processed_at)`,
];
