import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { decodeEvent, EVENT_TYPES, TOPICS } from '@dropship/messaging';
import { eventRecord } from '../events/event-record';
import { rejectionOf } from '../events/rejection';
import { OrderLedger, SourcePartition, StatusReport } from '../ledger/order-ledger';
import { confirmedEvent } from '../statuses/confirmed-event';
import { NormalizedStatus, normalizeStatus, OrderStatusUpdatedEvent } from '../statuses/status-normalizer';
import { BatchOutput, BatchPlan, countInto, emptyTally } from './batch-plan';
import { deadLetterFor } from './dead-letter';
import { inputTraceparent, nextOffsetAfter } from './input-records';
import { HeldReport, ReceivedGate } from './received-gate';
import { LedgerAnswerError } from './router.errors';

interface ReportRecord {
  kind: 'report';
  message: KafkaMessage;
  status: NormalizedStatus;
  traceparent: string | undefined;
}

interface RejectedRecord {
  kind: 'rejected';
  message: KafkaMessage;
  error: unknown;
  orderId?: string;
}

type ReadRecord = ReportRecord | RejectedRecord;

/**
 * order-status-updated batches: normalize each report (or dead-letter it), let the ledger decide
 * in one round trip which reports are news (see OrderLedger.recordStatuses), and publish
 * `dropship.order.status-confirmed` for those, to dropship.orders.v1. A confirmed report whose
 * order's `received` is not committed yet stops the batch there (see ReceivedGate): the records
 * before it commit, and it is read again shortly.
 */
@Injectable()
export class StatusUpdatedPlanner {
  constructor(
    private readonly ledger: OrderLedger,
    private readonly gate: ReceivedGate,
  ) {}

  async plan(source: SourcePartition, messages: readonly KafkaMessage[], lastOffset: string): Promise<BatchPlan> {
    const readSince = this.gate.now();
    const records = messages.map((message) => read(message));
    const reports = records.filter((record): record is ReportRecord => record.kind === 'report');
    const decisions = await this.ledger.recordStatuses(source, reports.map(toStatusReport));
    const byOffset = new Map(decisions.map((decision) => [decision.offset, decision]));
    const output = new BatchOutput();
    const tally = emptyTally();
    for (const record of records) {
      if (record.kind === 'rejected') {
        const letter = deadLetterFor(source, record.message, rejectionOf(record.error, record.orderId));
        output.add(TOPICS.ordersDlq, letter.message);
        countInto(tally.deadLetters, letter.errorCode);
        continue;
      }
      const decision = byOffset.get(record.message.offset);
      if (decision === undefined) throw new LedgerAnswerError(record.message.offset);
      if (decision.outcome === 'duplicate') tally.repeatedReports += 1;
      else if (decision.outcome === 'unchanged') tally.unchanged += 1;
      else if (await this.gate.mustWait(heldReport(source, record), decision.receivedBy, readSince)) {
        return { output, tally, nextOffset: record.message.offset, held: true };
      } else {
        output.add(TOPICS.orders, eventRecord(confirmedEvent(record.status.data, record.traceparent)));
        tally.confirmed += 1;
      }
    }
    return { output, tally, nextOffset: nextOffsetAfter(lastOffset), held: false };
  }
}

function heldReport(source: SourcePartition, record: ReportRecord): HeldReport {
  return { source, offset: record.message.offset, orderId: record.status.data.orderId };
}

function read(message: KafkaMessage): ReadRecord {
  let event: OrderStatusUpdatedEvent;
  try {
    event = decodeEvent(message.value, { accept: [EVENT_TYPES.orderStatusUpdated] });
  } catch (error) {
    return { kind: 'rejected', message, error };
  }
  try {
    return { kind: 'report', message, status: normalizeStatus(event), traceparent: inputTraceparent(message, event) };
  } catch (error) {
    return { kind: 'rejected', message, error, orderId: event.data.orderId };
  }
}

function toStatusReport({ message, status }: ReportRecord): StatusReport {
  const { data, fingerprint } = status;
  return {
    offset: message.offset,
    orderId: data.orderId,
    entryId: data.entryId,
    contentHash: createHash('sha256').update(fingerprint).digest('hex'),
    status: data.status,
    trackingNumbers: data.trackingNumbers,
    items: data.items.map(({ sku, status: itemStatus, quantity, trackingNumbers }) => ({
      sku,
      status: itemStatus,
      quantity,
      trackingNumbers,
    })),
    confirmedAt: data.confirmedAt,
  };
}
