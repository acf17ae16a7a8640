import { describeServiceStartup } from '@dropship/testing';

// The router never calls iQmetrix, so it starts without iQmetrix credentials.
describeServiceStartup('order-router', { port: 13102, env: {} });
