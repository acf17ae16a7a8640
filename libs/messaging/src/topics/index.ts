export * from './event-types';
export * from './route-topic';
export * from './service-topics';
export * from './topic-names';
