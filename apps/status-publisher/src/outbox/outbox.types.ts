import type { ItemStatusUpdateBody, OrderStatusUpdateBody } from '@dropship/domain';

export type OutboxState = 'pending' | 'delivered' | 'failed' | 'parked';
export const OUTBOX_STATES: readonly OutboxState[] = ['pending', 'delivered', 'failed', 'parked'];

export type StatusEndpoint = 'OrderStatusUpdate' | 'ItemStatusUpdate';

/** A PUT to make, as decided in a command's (or an order's acknowledgement's) transaction. */
export interface NewPut {
  orderId: string;
  /** Null for the automatic acknowledgement, which answers no command. */
  commandId: string | null;
  endpoint: StatusEndpoint;
  body: OrderStatusUpdateBody | ItemStatusUpdateBody;
  traceparent?: string;
}

/** One outbox row as the relay and the admin API see it. */
export interface OutboxRow {
  id: string;
  seq: string;
  orderId: string;
  commandId: string | null;
  method: string;
  path: string;
  body: OrderStatusUpdateBody | ItemStatusUpdateBody;
  state: OutboxState;
  nextAttemptAt: Date;
  claimedBy: string | null;
  claimedUntil: Date | null;
  attemptsStarted: number;
  attemptsFinished: number;
  lastError: string | null;
  lastStatus: number | null;
  response: unknown;
  traceparent: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** iQmetrix's answer, as kept on the row and put in a result's `iqmetrix`. */
export interface IqmetrixAnswer {
  status: number;
  body: unknown;
}

/** The path of a status PUT, exactly as StatusClient builds it (api-reference §4.2, §4.3). */
export function statusPutPath(supplierId: string, orderId: string, endpoint: StatusEndpoint): string {
  return `/v1/Suppliers(${encodeURIComponent(supplierId)})/Orders(${encodeURIComponent(orderId)})/${endpoint}`;
}

/** The endpoint a stored path ends with. */
export function endpointOf(path: string): StatusEndpoint {
  return path.endsWith('/ItemStatusUpdate') ? 'ItemStatusUpdate' : 'OrderStatusUpdate';
}

const COLUMNS: ReadonlyArray<[string, string]> = [
  ['id::text', 'id'], ['seq::text', 'seq'], ['order_id', 'orderId'], ['command_id', 'commandId'], ['method', 'method'],
  ['path', 'path'], ['body', 'body'], ['state', 'state'], ['next_attempt_at', 'nextAttemptAt'], ['claimed_by', 'claimedBy'],
  ['claimed_until', 'claimedUntil'], ['attempts_started', 'attemptsStarted'], ['attempts_finished', 'attemptsFinished'],
  ['last_error', 'lastError'], ['last_status', 'lastStatus'], ['response', 'response'], ['traceparent', 'traceparent'],
  ['created_at', 'createdAt'], ['finished_at', 'finishedAt'],
];

/** The select list that reads a row as OutboxRow, its columns qualified by `alias` when given. */
export function outboxColumns(alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`;
  return COLUMNS.map(([column, field]) => `${prefix}${column} AS "${field}"`).join(', ');
}
