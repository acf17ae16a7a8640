import { describeServiceStartup } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../tools/iqmetrix-sandbox/src';

// The publisher's readiness includes iQmetrix, so the service starts against a sandbox; the
// variables are filled in once it listens (describeServiceStartup reads them when each test runs).
const env: Record<string, string> = {
  IQMETRIX_CLIENT_ID: 'sandbox-client',
  IQMETRIX_CLIENT_SECRET: 'sandbox-secret',
  IQMETRIX_USERNAME: 'supplier@example.com',
  IQMETRIX_PASSWORD: 'sandbox-password',
  IQMETRIX_SUPPLIER_ID: '60455',
};
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
  env['IQMETRIX_AUTH_URL'] = sandbox.url;
  env['IQMETRIX_DROPSHIP_URL'] = sandbox.url;
  env['KAFKA_TOPIC_PREFIX'] = `sp-startup-${Date.now().toString(36)}.`;
});

afterAll(async () => {
  await sandbox?.close();
});

describeServiceStartup('status-publisher', { port: 13103, env, requiredVariable: 'IQMETRIX_SUPPLIER_ID' });
