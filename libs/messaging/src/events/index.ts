export * from './cloud-event';
export * from './event-codec';
export * from './event-source';
export * from './kafka-record';
export * from './message-examples';
export * from './message.errors';
export * from './trace-context';
