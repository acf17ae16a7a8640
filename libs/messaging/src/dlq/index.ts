export * from './rejected-event';
