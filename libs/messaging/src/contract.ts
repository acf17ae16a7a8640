// The message contract without the Kafka/Nest wiring (topics, events, schemas, dead letters): what
// code that runs outside Nest needs, such as the order-router's reader thread, whose bundle resolves
// @dropship/messaging here (tools/build/webpack.service.js) so that it loads neither Nest nor kafkajs.
export * from './topics';
export * from './events';
export * from './schemas';
export * from './dlq';
