import { SERVICE_NAMES, ServiceName } from '../topics';
import { dateTime, nonEmptyString } from './schema-fragments';

/** Where the rejected input came from: a Kafka record, a feed entry, or both. */
export const REJECTION_SOURCE_SCHEMA = {
  type: 'object',
  properties: {
    topic: { ...nonEmptyString, description: 'Topic of the rejected record.' },
    partition: { type: 'integer', minimum: 0 },
    offset: {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Offset of the record, as a decimal string (Kafka offsets exceed 2^53).',
    },
    key: { type: ['string', 'null'], description: 'Key of the record as UTF-8 text, null when it had none.' },
    entryId: { ...nonEmptyString, description: 'Atom entry id, when the input was a feed entry.' },
  },
  additionalProperties: false,
} as const;

/**
 * `data` of `dropship.order.rejected` on dropship.orders.dlq.v1: input a service could not process,
 * kept with the reason so that nothing is silently dropped. The record key and event subject are
 * the order id when it is known, else the source record's key, else the entry id, else `unknown`.
 */
export const ORDER_REJECTED_DATA_SCHEMA = {
  type: 'object',
  description:
    'Input that could not be processed, with the original and the reason. The record key and subject are ' +
    "the order id when known, else the source record's key, else the Atom entry id, else unknown.",
  required: ['reason', 'errorCode', 'service', 'rejectedAt', 'orderId', 'source', 'original', 'originalEncoding'],
  properties: {
    reason: { ...nonEmptyString, description: 'Why the input was rejected, for a person to read.' },
    errorCode: { ...nonEmptyString, description: 'Stable error code (AREA.REASON), e.g. MESSAGE.SCHEMA_VIOLATION.' },
    service: { type: 'string', enum: [...SERVICE_NAMES], description: 'The service that rejected the input.' },
    rejectedAt: dateTime,
    orderId: { type: ['string', 'null'], minLength: 1, description: 'The order id when it could be read.' },
    source: REJECTION_SOURCE_SCHEMA,
    original: {
      type: 'string',
      description:
        'The input exactly as received: the raw feed entry XML or the record value (empty when the record had none).',
    },
    originalEncoding: {
      type: 'string',
      enum: ['utf-8', 'base64'],
      description: 'utf-8 when `original` is the text itself; base64 when the bytes were not valid UTF-8.',
    },
  },
  additionalProperties: false,
} as const;

export interface RejectionSource {
  topic?: string;
  partition?: number;
  offset?: string;
  key?: string | null;
  entryId?: string;
}

/** `data` of dropship.order.rejected. */
export interface OrderRejectedData {
  reason: string;
  errorCode: string;
  service: ServiceName;
  rejectedAt: string;
  orderId: string | null;
  source: RejectionSource;
  original: string;
  originalEncoding: 'utf-8' | 'base64';
}
