import type { KafkaMessage, Message } from 'kafkajs';
import {
  OrderClaim,
  OrderClaimRequest,
  OrderLedger,
  SourcePartition,
  SourcePosition,
  StatusDecision,
  StatusReport,
} from '../ledger/order-ledger';

/** An in-memory ledger for unit tests: claims as given, status decisions as scripted. */
export class FakeLedger extends OrderLedger {
  readonly claims = new Map<string, OrderClaim>();
  /** Decisions to answer per offset; unscripted reports are confirmed, their order unknown. */
  readonly decisions = new Map<string, Omit<StatusDecision, 'offset'>>();
  readonly reports: StatusReport[] = [];
  failWith?: Error;

  async claimOrders(source: SourcePartition, requests: readonly OrderClaimRequest[]): Promise<Map<string, OrderClaim>> {
    if (this.failWith) throw this.failWith;
    for (const request of requests) {
      if (!this.claims.has(request.orderId)) {
        const position: SourcePosition = { ...source, offset: request.offset };
        this.claims.set(request.orderId, { orderId: request.orderId, entryId: request.entryId, position });
      }
    }
    return new Map(requests.map((request) => [request.orderId, this.claims.get(request.orderId) as OrderClaim]));
  }

  async recordStatuses(_source: SourcePartition, reports: readonly StatusReport[]): Promise<StatusDecision[]> {
    if (this.failWith) throw this.failWith;
    this.reports.push(...reports);
    return reports.map((report) => ({
      offset: report.offset,
      ...(this.decisions.get(report.offset) ?? { outcome: 'confirmed', receivedBy: null }),
    }));
  }
}

/** A record as kafkajs hands it to eachBatch. */
export function kafkaMessage(offset: number, message: Message): KafkaMessage {
  const toBuffer = (value: Message['value'] | Message['key']): Buffer | null =>
    value === null || value === undefined ? null : Buffer.isBuffer(value) ? value : Buffer.from(value);
  const headers: KafkaMessage['headers'] = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    headers[name] = typeof value === 'string' ? Buffer.from(value) : (value as Buffer);
  }
  return {
    offset: String(offset),
    key: toBuffer(message.key),
    value: toBuffer(message.value),
    headers,
    timestamp: '0',
    attributes: 0,
  };
}
