import { Inject, Injectable } from '@nestjs/common';
import type { KafkaMessage, Message } from 'kafkajs';
import { decodeEvent, EVENT_TYPES, OrderReceivedData, routeTopic, TOPICS } from '@dropship/messaging';
import { eventRecord } from '../events/event-record';
import { OrderClaim, OrderClaimRequest, OrderLedger, SourcePartition } from '../ledger/order-ledger';
import { normalizeOrder, OrderCreatedEvent } from '../orders/order-normalizer';
import { receivedEvent } from '../orders/received-event';
import { RouteMatcher } from '../rules/route-matcher';
import { BatchOutput, BatchPlan, BatchTally, countInto, emptyTally } from './batch-plan';
import { deadLetterFor } from './dead-letter';
import { inputTraceparent, nextOffsetAfter } from './input-records';
import { ClaimNotVisibleError } from './router.errors';
import { ROUTER_SETTINGS, RouterSettings } from './router-settings';

interface NewOrderCandidate {
  kind: 'order';
  message: KafkaMessage;
  data: OrderReceivedData;
  routes: string[];
  traceparent: string | undefined;
  /** The order's dropship.order.received record, published if this record holds the claim. */
  received?: Message;
}

interface RejectedRecord {
  kind: 'rejected';
  message: KafkaMessage;
  error: unknown;
  orderId?: string;
}

type ReadRecord = NewOrderCandidate | RejectedRecord;

/**
 * order-created batches: normalize each record (or dead-letter it), claim the batch's orders in
 * the ledger in one round trip, then publish `dropship.order.received` for the records that hold
 * their order's claim, to dropship.orders.v1 and each matching route topic.
 *
 * A record holds the claim when the ledger names this very record (topic, partition, offset) as
 * the claimant: either it just claimed the order, or it claimed it in an earlier attempt whose
 * Kafka transaction did not commit (the offsets commit with the output, so reading a record again
 * means its output was never committed). Any other record of a claimed order is a duplicate.
 */
@Injectable()
export class OrderCreatedPlanner {
  constructor(
    private readonly ledger: OrderLedger,
    private readonly matcher: RouteMatcher,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
  ) {}

  async plan(source: SourcePartition, messages: readonly KafkaMessage[], lastOffset: string): Promise<BatchPlan> {
    const records = messages.map((message) => this.read(message));
    const candidates = records.filter((record): record is NewOrderCandidate => record.kind === 'order');
    const claiming = this.ledger.claimOrders(source, candidates.map(claimRequest));
    // Marked handled now: a failure while the records are encoded is thrown by the await below.
    claiming.catch(() => undefined);
    // Encoding does not depend on the claims: it runs while Postgres works on them (on another
    // core), once the statement is on its way.
    await new Promise((resolve) => setImmediate(resolve));
    for (const candidate of candidates) candidate.received = eventRecord(receivedEvent(candidate.data, candidate.traceparent));
    const claims = await claiming;
    const output = new BatchOutput();
    const tally = emptyTally();
    for (const record of records) {
      if (record.kind === 'rejected') {
        const letter = deadLetterFor(source, record.message, record.error, record.orderId);
        output.add(TOPICS.ordersDlq, letter.message);
        countInto(tally.deadLetters, letter.errorCode);
      } else {
        this.decide(source, record, claims.get(record.data.orderId), { output, tally });
      }
    }
    return { output, tally, nextOffset: nextOffsetAfter(lastOffset), held: false };
  }

  private read(message: KafkaMessage): ReadRecord {
    let event: OrderCreatedEvent;
    try {
      event = decodeEvent(message.value, { accept: [EVENT_TYPES.orderCreated] });
    } catch (error) {
      return { kind: 'rejected', message, error };
    }
    try {
      const data = normalizeOrder(event, this.settings.supplierId);
      const routes = this.matcher.routesFor(data);
      return { kind: 'order', message, data, routes, traceparent: inputTraceparent(message, event) };
    } catch (error) {
      return { kind: 'rejected', message, error, orderId: event.data.orderId };
    }
  }

  private decide(
    source: SourcePartition,
    record: NewOrderCandidate,
    claim: OrderClaim | undefined,
    into: { output: BatchOutput; tally: BatchTally },
  ): void {
    // Claimed by a concurrent transaction this statement could not see: decide on a later try.
    if (claim === undefined) throw new ClaimNotVisibleError(record.data.orderId);
    const { output, tally } = into;
    if (!isClaimant(claim, source, record)) {
      if (claim.entryId === record.data.entryId) tally.duplicates.entry += 1;
      else tally.duplicates.order += 1;
      return;
    }
    const received = record.received as Message;
    output.add(TOPICS.orders, received);
    for (const route of record.routes) {
      // The same event (same id) on the route topic: a copy, not a second order.
      output.add(routeTopic(route), received);
      countInto(tally.routed, route);
    }
    tally.received += 1;
  }
}

function claimRequest({ message, data }: NewOrderCandidate): OrderClaimRequest {
  return { offset: message.offset, orderId: data.orderId, entryId: data.entryId, receivedAt: data.receivedAt };
}

function isClaimant(claim: OrderClaim, source: SourcePartition, record: NewOrderCandidate): boolean {
  const { position } = claim;
  return (
    position.topic === source.topic &&
    position.partition === source.partition &&
    position.offset === record.message.offset &&
    claim.entryId === record.data.entryId
  );
}
