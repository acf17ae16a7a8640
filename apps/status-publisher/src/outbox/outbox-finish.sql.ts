import { TABLES } from '../database/tables';

const O = TABLES.outbox;

/**
 * "Row `alias` is pending and leased to `replica`", written so that no index can serve it, which
 * leaves the planner the primary key to find the rows of a statement that names them by id.
 * Written plainly (claimed_by = $1 AND state = 'pending'), it let the planner read every pending
 * row through the partial index outbox_pending_heads instead, which it chose whenever its
 * statistics were older than the queue (a table analyzed while nearly empty, or never, with
 * autovacuum off): in bench:publish each batch of outcomes read the whole backlog of 6,000 rows,
 * 2 of the 4 ms a batch of twelve took. The condition is still re-checked on the newest version
 * of a row a concurrent transaction updated first, like any other.
 */
export const HELD_BY = (alias: string, replica: string): string => `coalesce(${alias}.claimed_by = ${replica} AND ${alias}.state = 'pending', false)`;

/*
 * Records the outcome of many attempts in one statement (the relay batches them): each row only if
 * `claimed_by` is still the caller (a replica whose lease ran out cannot overwrite the new owner's
 * attempt). Delivered rows count towards their order's delivered PUTs (see mergeConfirmation);
 * delivered and failed rows of commands add their result. One row per order is ever in flight, so
 * a batch never holds two outcomes of one order, and results keep their order per command.
 * The fence is a filter, not a condition an index can serve (see HELD_BY): the rows are found by id.
 * Parameters: $1 replica, then one array per column of the outcomes.
 */
export const FINISH_SQL = `
WITH v AS (
  SELECT * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::float8[], $8::jsonb[])
    AS t(id, kind, status, response, error, delay_ms, result)
), done AS (
  UPDATE ${O} AS o SET
    state = CASE v.kind WHEN 'delivered' THEN 'delivered' WHEN 'failed' THEN 'failed' WHEN 'park' THEN 'parked' ELSE 'pending' END,
    claimed_by = NULL,
    claimed_until = NULL,
    attempts_finished = o.attempts_finished + 1,
    finished_at = CASE WHEN v.kind = 'retry' THEN NULL ELSE now() END,
    next_attempt_at = CASE WHEN v.kind = 'retry' THEN now() + make_interval(secs => v.delay_ms / 1000) ELSE o.next_attempt_at END,
    last_status = COALESCE(v.status, o.last_status),
    response = COALESCE(v.response, o.response),
    last_error = CASE WHEN v.kind = 'delivered' THEN o.last_error ELSE v.error END
  FROM v WHERE o.id = v.id AND ${HELD_BY('o', '$1')}
  RETURNING o.id, o.order_id, o.command_id, o.traceparent, v.kind, v.result
), counted AS (
  UPDATE ${TABLES.orders} AS ord SET puts_delivered = ord.puts_delivered + 1
  FROM done WHERE done.kind = 'delivered' AND ord.order_id = done.order_id
), results AS (
  INSERT INTO ${TABLES.results} (event_id, order_id, command_id, data, traceparent)
  SELECT gen_random_uuid(), done.order_id, done.command_id, done.result, done.traceparent
  FROM done WHERE done.result IS NOT NULL AND done.command_id IS NOT NULL ORDER BY done.id
)
SELECT id::text AS id FROM done`;

/* Extends the leases of rows still held by $2 among $1 (ids) by $3 ms; returns the ids still held. */
export const RENEW_SQL = `
UPDATE ${O} AS o SET claimed_until = now() + make_interval(secs => $3::float8 / 1000)
WHERE o.id = ANY($1::bigint[]) AND ${HELD_BY('o', '$2')} RETURNING o.id::text AS id`;

/*
 * The relay may send only the head of each order's queue: its first pending row, marked `is_head`
 * by the table's triggers (migration OutboxQueueHeads). The due heads are read in
 * (next_attempt_at, seq) order from their own index, so a claim costs about the rows it returns
 * and the heads in flight, however many rows wait behind them. A head that is leased (in flight)
 * or waiting for its retry holds back its order, so PUTs of one order never overlap or overtake.
 * (There is no probe for an earlier pending row: a requeue racing an insert can leave the head
 * after a row of lower seq, and such a probe would then hold that order forever.) SKIP LOCKED lets
 * replicas claim disjoint batches at once; the conditions on `o` are re-checked on the locked row
 * version, so a row another replica just claimed is never claimed twice. Rows whose attempts keep
 * dying with their process are parked.
 * Parameters: $1 replica, $2 limit, $3 lease in ms, $4 crash limit.
 */
export const CLAIM_SQL = claimSql('');

/*
 * The same claim, of heads that became due within the last $5 ms only. Every row that stops
 * being a head (delivered, failed, parked) leaves a dead entry at the old end of the due-heads
 * index until VACUUM removes it, and a claim from the oldest key reads all of them first: tens of
 * thousands after a burst. A head's key is when it became sendable (added, promoted, or its retry
 * due), so the relay's frequent claims (woken by a NOTIFY or a finished PUT) look at recent keys,
 * and its periodic claim (CLAIM_SQL) finds the rest: heads whose transaction committed late,
 * leases of replicas that died, a backlog older than the window.
 */
export const CLAIM_RECENT_SQL = claimSql('AND o.next_attempt_at >= now() - make_interval(secs => $5::float8 / 1000)');

/*
 * The same claim, of the heads of the given orders only ($5, text[]): the rows that became heads
 * when the relay's own outcomes finished their predecessors. One index probe per order, so a relay
 * working through queues of many rows per order hands each order's next row to itself without
 * reading the due heads of every order again.
 */
export const CLAIM_HEADS_OF_SQL = claimSql('AND o.order_id = ANY($5::text[])');

/** The claim statement, its heads narrowed by `condition` (on `o`, parameters from $5). */
function claimSql(condition: string): string {
  return `
WITH picked AS (
  SELECT o.id, (o.attempts_started - o.attempts_finished >= $4) AS crashed FROM ${O} o
  WHERE o.state = 'pending' AND o.is_head AND o.next_attempt_at <= now() ${condition}
    AND (o.claimed_until IS NULL OR o.claimed_until < now())
  ORDER BY o.next_attempt_at, o.seq
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
)
UPDATE ${O} AS t SET
  state = CASE WHEN m.crashed THEN 'parked' ELSE 'pending' END,
  claimed_by = CASE WHEN m.crashed THEN NULL ELSE $1 END,
  claimed_until = CASE WHEN m.crashed THEN NULL ELSE now() + make_interval(secs => $3::float8 / 1000) END,
  attempts_started = t.attempts_started + CASE WHEN m.crashed THEN 0 ELSE 1 END,
  finished_at = CASE WHEN m.crashed THEN now() ELSE NULL END,
  last_error = CASE WHEN m.crashed
    THEN 'parked: ' || (t.attempts_started - t.attempts_finished) || ' attempts started but never finished (the process died or lost its lease during the PUT)'
    ELSE t.last_error END
FROM picked m WHERE t.id = m.id`;
}
