import { Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { routeTopic, TOPICS, traceparentFromHeaders } from '@dropship/messaging';
import { OrderClaim, OrderClaimRequest, OrderLedger, SourcePartition } from '../ledger/order-ledger';
import type { OrderRead, ReadOrder } from '../orders/order-read';
import { OrderReader } from '../orders/order-reader';
import { BatchOutput, BatchPlan, BatchTally, countInto, emptyTally } from './batch-plan';
import { deadLetterFor } from './dead-letter';
import { nextOffsetAfter } from './input-records';
import { ClaimNotVisibleError } from './router.errors';

interface ReadRecord<R extends OrderRead = OrderRead> {
  message: KafkaMessage;
  read: R;
}

type NewOrderCandidate = ReadRecord<ReadOrder>;

/**
 * order-created batches: read each record (decode, normalize and build its received event, on a
 * reader thread) or dead-letter it, claim the batch's orders in the ledger in one round trip, then
 * publish `dropship.order.received` for the records that hold their order's claim, to
 * dropship.orders.v1 and each matching route topic.
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
    private readonly reader: OrderReader,
  ) {}

  async plan(source: SourcePartition, messages: readonly KafkaMessage[], lastOffset: string): Promise<BatchPlan> {
    const records = await this.readAll(messages);
    const candidates = records.filter((record): record is NewOrderCandidate => record.read.kind === 'order');
    const claims = await this.ledger.claimOrders(source, candidates.map(claimRequest));
    const output = new BatchOutput();
    const tally = emptyTally();
    for (const { message, read } of records) {
      if (read.kind === 'rejected') {
        const letter = deadLetterFor(source, message, read.rejection);
        output.add(TOPICS.ordersDlq, letter.message);
        countInto(tally.deadLetters, letter.errorCode);
      } else {
        this.decide(source, { message, read }, claims.get(read.orderId), { output, tally });
      }
    }
    return { output, tally, nextOffset: nextOffsetAfter(lastOffset), held: false };
  }

  private async readAll(messages: readonly KafkaMessage[]): Promise<ReadRecord[]> {
    const reads = await this.reader.read(messages.map(({ value, headers }) => ({ value, traceparent: traceparentFromHeaders(headers) })));
    return reads.map((read, index) => ({ message: messages[index] as KafkaMessage, read }));
  }

  private decide(
    source: SourcePartition,
    { message, read }: NewOrderCandidate,
    claim: OrderClaim | undefined,
    into: { output: BatchOutput; tally: BatchTally },
  ): void {
    // Claimed by a concurrent transaction this statement could not see: decide on a later try.
    if (claim === undefined) throw new ClaimNotVisibleError(read.orderId);
    const { output, tally } = into;
    if (!isClaimant(claim, source, message, read)) {
      if (claim.entryId === read.entryId) tally.duplicates.entry += 1;
      else tally.duplicates.order += 1;
      return;
    }
    output.add(TOPICS.orders, read.received);
    for (const route of read.routes) {
      // The same event (same id) on the route topic: a copy, not a second order.
      output.add(routeTopic(route), read.received);
      countInto(tally.routed, route);
    }
    tally.received += 1;
  }
}

function claimRequest({ message, read }: NewOrderCandidate): OrderClaimRequest {
  return { offset: message.offset, orderId: read.orderId, entryId: read.entryId, receivedAt: read.receivedAt };
}

function isClaimant(claim: OrderClaim, source: SourcePartition, message: KafkaMessage, read: ReadOrder): boolean {
  const { position } = claim;
  return (
    position.topic === source.topic &&
    position.partition === source.partition &&
    position.offset === message.offset &&
    claim.entryId === read.entryId
  );
}
