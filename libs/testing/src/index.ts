export * from './unique-names';
export * from './wait-for';
export * from './test-environment';
export * from './kafka-test-helpers';
export * from './postgres-test-database';
export * from './service-process';
export * from './service-startup-cases';
