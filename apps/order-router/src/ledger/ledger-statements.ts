/*
 * The ledger's two statements, each one round trip per batch. Input arrives as parallel arrays
 * (unnest), so the statement text never changes with the batch size.
 */

/**
 * Claims orders: $1 topic, $2 partition, then per record $3 offsets, $4 order ids, $5 entry ids,
 * $6 received-at times. The first record of each order in the batch inserts its claim unless one
 * exists. The answer lists only the orders of the batch that were not claimed now, each with the
 * claim that holds (the statement's snapshot predates its own inserts, so only earlier claims are
 * found), or with nulls when that claim was inserted by a concurrent transaction this statement
 * cannot see. Every other order of the batch was claimed now by its first record: leaving those
 * out keeps the answer empty in the common case, where every order is new (parsing a row per
 * record was a measurable share of the router's main thread).
 */
export const CLAIM_ORDERS_SQL = `
WITH batch AS (
  SELECT * FROM unnest($3::bigint[], $4::text[], $5::text[], $6::timestamptz[])
    AS b(source_offset, order_id, entry_id, received_at)
), firsts AS (
  SELECT DISTINCT ON (order_id) * FROM batch ORDER BY order_id, source_offset
), claimed AS (
  INSERT INTO "order_router"."received_orders"
    (order_id, entry_id, source_topic, source_partition, source_offset, received_at)
  SELECT order_id, entry_id, $1, $2, source_offset, received_at FROM firsts
  ON CONFLICT (order_id) DO NOTHING
  RETURNING order_id
)
SELECT o.order_id, r.entry_id, r.source_topic, r.source_partition, r.source_offset::text AS source_offset
FROM (SELECT order_id FROM firsts EXCEPT ALL SELECT order_id FROM claimed) o
LEFT JOIN "order_router"."received_orders" r ON r.order_id = o.order_id`;

/**
 * Decides status reports: $1 topic, $2 partition, $3 the batch's first offset, then per record
 * $4 offsets, $5 order ids, $6 entry ids, $7 content hashes, $8 statuses, $9 tracking numbers
 * (JSON arrays), $10 items (JSON), $11 confirmed-at times.
 *
 * History rows of this partition at or after the batch's first offset were written by an attempt
 * whose Kafka transaction did not commit (the committed offset is the batch's start): they are
 * ignored, and overwritten with the same decisions. So a decision depends only on the records
 * before it: a report is a `duplicate` when its entry id was seen before for the order, else
 * `unchanged` when it reports what the order's previous non-duplicate report said, else
 * `confirmed`. Confirmed reports also update the order's known status and tracking numbers
 * (those are informational: no decision reads them).
 */
export const RECORD_STATUSES_SQL = `
WITH batch AS (
  SELECT * FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[],
    $11::timestamptz[])
    AS b(source_offset, order_id, entry_id, content_hash, status, tracking_numbers, items, confirmed_at)
), earlier AS (
  SELECT h.* FROM "order_router"."status_updates" h
  WHERE h.order_id IN (SELECT order_id FROM batch)
    AND NOT (h.source_topic = $1 AND h.source_partition = $2 AND h.source_offset >= $3)
), marked AS (
  SELECT b.*, (
    row_number() OVER (PARTITION BY b.order_id, b.entry_id ORDER BY b.source_offset) > 1
    OR EXISTS (SELECT 1 FROM earlier e WHERE e.order_id = b.order_id AND e.entry_id = b.entry_id)
  ) AS duplicate
  FROM batch b
), prior AS (
  SELECT DISTINCT ON (order_id) order_id, content_hash FROM earlier
  WHERE outcome <> 'duplicate' ORDER BY order_id, source_offset DESC
), sequenced AS (
  SELECT m.source_offset,
    coalesce(lag(m.content_hash) OVER (PARTITION BY m.order_id ORDER BY m.source_offset), p.content_hash) AS previous
  FROM marked m LEFT JOIN prior p ON p.order_id = m.order_id
  WHERE NOT m.duplicate
), decided AS (
  SELECT m.*, CASE
    WHEN m.duplicate THEN 'duplicate'
    WHEN s.previous IS NOT DISTINCT FROM m.content_hash THEN 'unchanged'
    ELSE 'confirmed' END AS outcome
  FROM marked m LEFT JOIN sequenced s ON s.source_offset = m.source_offset
), recorded AS (
  INSERT INTO "order_router"."status_updates"
    (source_topic, source_partition, source_offset, order_id, entry_id, outcome, content_hash)
  SELECT $1, $2, source_offset, order_id, entry_id, outcome, content_hash FROM decided
  ON CONFLICT (source_topic, source_partition, source_offset) DO UPDATE SET
    order_id = excluded.order_id, entry_id = excluded.entry_id, outcome = excluded.outcome,
    content_hash = excluded.content_hash, recorded_at = now()
), latest AS (
  SELECT DISTINCT ON (d.order_id) d.order_id, d.source_offset, d.status, d.items, d.entry_id, d.confirmed_at,
    ARRAY(
      SELECT DISTINCT t.number FROM decided c, jsonb_array_elements_text(c.tracking_numbers) AS t(number)
      WHERE c.order_id = d.order_id AND c.outcome = 'confirmed'
    ) AS tracking_numbers
  FROM decided d WHERE d.outcome = 'confirmed' ORDER BY d.order_id, d.source_offset DESC
), known AS (
  INSERT INTO "order_router"."order_statuses"
    (order_id, source_offset, status, tracking_numbers, items, entry_id, confirmed_at)
  SELECT order_id, source_offset, status, tracking_numbers, items, entry_id, confirmed_at FROM latest
  ON CONFLICT (order_id) DO UPDATE SET
    source_offset = excluded.source_offset, status = excluded.status,
    tracking_numbers = ARRAY(
      SELECT DISTINCT n FROM unnest("order_statuses".tracking_numbers || excluded.tracking_numbers) AS n
    ),
    items = excluded.items, entry_id = excluded.entry_id, confirmed_at = excluded.confirmed_at, updated_at = now()
  -- A fenced replica finishing an old batch late must not put an older report back.
  WHERE "order_statuses".source_offset <= excluded.source_offset
)
SELECT d.source_offset::text AS source_offset, d.outcome,
  r.source_topic AS received_topic, r.source_partition AS received_partition,
  r.source_offset::text AS received_offset
FROM decided d LEFT JOIN "order_router"."received_orders" r ON r.order_id = d.order_id
ORDER BY d.source_offset`;
