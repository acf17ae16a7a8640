import { randomUUID } from 'node:crypto';
import { EventType } from '../topics';
import { EventDataMap } from '../schemas';

/**
 * A CloudEvents 1.0 event in structured JSON mode: the whole event is the Kafka record value.
 * `traceparent`/`tracestate` are the CloudEvents distributed-tracing extension: the trace context
 * in which the event was created, which stays with the event however often it is re-published.
 */
export interface CloudEvent<T = unknown, K extends string = string> {
  specversion: '1.0';
  id: string;
  type: K;
  source: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: T;
  traceparent?: string;
  tracestate?: string;
}

/** The event of type K with its typed `data`; a union of types gives a union that narrows on `type`. */
export type EventOf<K extends EventType> = K extends EventType ? CloudEvent<EventDataMap[K], K> : never;

/** Any event of the contract. `switch (event.type)` narrows `event.data`. */
export type KnownEvent = EventOf<EventType>;

/** The id generator and clock of createEvent, injectable so that tests are deterministic. */
export interface EventDeps {
  newId: () => string;
  now: () => Date;
}

export const DEFAULT_EVENT_DEPS: EventDeps = {
  newId: () => randomUUID(),
  now: () => new Date(),
};

export interface CreateEventInput<K extends EventType> {
  type: K;
  /** The producing service, from eventSource(). */
  source: string;
  /** The iQmetrix order id: also the record key. */
  subject: string;
  data: EventDataMap[K];
  /** Defaults to a new UUID; feed events pass the Atom entry id. */
  id?: string;
  /** When the occurrence happened; defaults to now. */
  time?: string | Date;
  traceparent?: string;
  tracestate?: string;
}

/** Builds an event; it is checked against the contract when encoded (encodeEvent). */
export function createEvent<K extends EventType>(
  input: CreateEventInput<K>,
  deps: Partial<EventDeps> = {},
): EventOf<K> {
  const { newId, now } = { ...DEFAULT_EVENT_DEPS, ...deps };
  const time = input.time ?? now();
  const event: CloudEvent<EventDataMap[K], K> = {
    specversion: '1.0',
    id: input.id ?? newId(),
    type: input.type,
    source: input.source,
    time: typeof time === 'string' ? time : time.toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    data: input.data,
  };
  if (input.traceparent !== undefined) event.traceparent = input.traceparent;
  if (input.tracestate !== undefined) event.tracestate = input.tracestate;
  return event as EventOf<K>;
}
