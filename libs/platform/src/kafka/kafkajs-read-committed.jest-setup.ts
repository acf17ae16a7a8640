import { fixReadCommittedFiltering } from './kafkajs-read-committed';

// Jest gives each test file its own module registry, hence its own kafkajs Broker class to fix.
fixReadCommittedFiltering();
