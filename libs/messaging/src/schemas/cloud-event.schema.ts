import { dateTime, nonEmptyString } from './schema-fragments';

/** W3C Trace Context `traceparent`: version-traceid-parentid-flags, lowercase hex. */
export const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/**
 * The CloudEvents 1.0 structured-mode envelope every record value is (contract "Topics"). All the
 * contract's attributes are required, although CloudEvents itself makes `time` and `subject`
 * optional: the contract promises them. Extension attributes follow CloudEvents naming (lowercase
 * letters and digits); `traceparent`/`tracestate` are the distributed-tracing extension, carrying
 * the trace context in which the event was created. `data` is checked against its type's schema.
 */
export const CLOUD_EVENT_SCHEMA = {
  type: 'object',
  description: 'A CloudEvents 1.0 event in structured JSON mode.',
  required: ['specversion', 'id', 'type', 'source', 'time', 'subject', 'datacontenttype', 'data'],
  propertyNames: { pattern: '^[a-z0-9]+$' },
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { ...nonEmptyString, description: 'Unique per source; the Atom entry id for feed events.' },
    type: { ...nonEmptyString, description: 'The event type; it decides the schema of `data`.' },
    source: {
      type: 'string',
      minLength: 1,
      format: 'uri-reference',
      description: 'The producing service as a URI reference, e.g. /dropship-connector/feed-ingestor.',
    },
    time: { ...dateTime, description: 'When the occurrence happened (RFC 3339).' },
    subject: { ...nonEmptyString, description: 'The iQmetrix order id, equal to the record key.' },
    datacontenttype: { type: 'string', const: 'application/json' },
    data: { description: 'The message; its schema depends on `type`.' },
    traceparent: {
      type: 'string',
      pattern: TRACEPARENT_PATTERN,
      description: 'W3C traceparent of the context that created the event (CloudEvents distributed tracing extension).',
    },
    tracestate: { type: 'string', description: 'W3C tracestate that goes with traceparent.' },
  },
  additionalProperties: true,
} as const;
