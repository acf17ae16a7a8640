import { describeServiceStartup } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startSandbox, type RunningSandbox } from '../../../tools/iqmetrix-sandbox/src';

// Readiness includes "iQmetrix reachable", so the service starts against the sandbox; the shared
// start-up cases read `env` when they run, after this file's beforeAll filled in the sandbox's URL.
const env: Record<string, string> = { IQMETRIX_SUPPLIER_ID: '60455' };
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, logLevel: 'silent' });
  const { clientId, clientSecret, username, password } = sandbox.credentials;
  Object.assign(env, {
    IQMETRIX_AUTH_URL: sandbox.url,
    IQMETRIX_DROPSHIP_URL: sandbox.url,
    IQMETRIX_CLIENT_ID: clientId,
    IQMETRIX_CLIENT_SECRET: clientSecret,
    IQMETRIX_USERNAME: username,
    IQMETRIX_PASSWORD: password,
  });
});
afterAll(async () => {
  await sandbox.close();
});

describeServiceStartup('feed-ingestor', { port: 13101, env, requiredVariable: 'IQMETRIX_CLIENT_ID' });
