export * from './kafka/create-service-topics';
export * from './kafka/ensure-topics';
export * from './kafka/kafka-config';
export * from './kafka/kafka-log-creator';
export * from './kafka/kafka.module';
export * from './contract';
export * from './kafka/key-partitioner';
export * from './kafka/produce-requests';
