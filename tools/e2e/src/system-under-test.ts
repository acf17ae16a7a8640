import { mkdirSync } from 'fs';
import { join } from 'path';
import { ManagedProcess } from './managed-process';

export const repoRoot = join(__dirname, '..', '..', '..');

export interface SystemSettings {
  brokers: string;
  databaseUrl: string;
  sandboxPort: number;
  seed: string;
  logDir: string;
}

/** Two replicas of the router and the publisher, one ingestor (it elects one poller anyway). */
const REPLICAS: [service: string, replicas: number, firstPort: number][] = [
  ['feed-ingestor', 1, 13301],
  ['order-router', 2, 13311],
  ['status-publisher', 2, 13321],
];

/**
 * The processes of the end-to-end run: the iQmetrix sandbox and every service replica, each a
 * separate `node` process running the built files exactly as users do.
 */
export class SystemUnderTest {
  readonly sandbox: ManagedProcess;
  readonly services: ManagedProcess[] = [];
  readonly sandboxUrl: string;

  constructor(private readonly settings: SystemSettings) {
    mkdirSync(settings.logDir, { recursive: true });
    this.sandboxUrl = `http://127.0.0.1:${settings.sandboxPort}`;
    this.sandbox = new ManagedProcess(
      {
        name: 'iqmetrix-sandbox',
        args: ['dist/tools/iqmetrix-sandbox/main.js'],
        env: { SANDBOX_PORT: String(settings.sandboxPort), SANDBOX_SEED: settings.seed, LOG_LEVEL: 'info' },
      },
      settings.logDir,
      repoRoot,
    );
    for (const [service, replicas, firstPort] of REPLICAS) {
      for (let replica = 0; replica < replicas; replica += 1) {
        const env = { ...this.connectorEnvironment(), HTTP_PORT: String(firstPort + replica) };
        const spec = { name: `${service}-${replica + 1}`, args: [`dist/apps/${service}/main.js`], env };
        this.services.push(new ManagedProcess(spec, settings.logDir, repoRoot));
      }
    }
  }

  startSandbox(): void {
    this.sandbox.start();
  }

  startServices(): void {
    for (const service of this.services) service.start();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.services.map((service) => service.stop('SIGTERM')));
    await this.sandbox.stop('SIGTERM');
    for (const process of [...this.services, this.sandbox]) process.close();
  }

  private connectorEnvironment(): Record<string, string> {
    return {
      KAFKA_BROKERS: this.settings.brokers,
      DATABASE_URL: this.settings.databaseUrl,
      IQMETRIX_AUTH_URL: this.sandboxUrl,
      IQMETRIX_DROPSHIP_URL: this.sandboxUrl,
      IQMETRIX_CLIENT_ID: 'sandbox-client',
      IQMETRIX_CLIENT_SECRET: 'sandbox-secret',
      IQMETRIX_USERNAME: 'supplier@example.com',
      IQMETRIX_PASSWORD: 'sandbox-password',
      IQMETRIX_SUPPLIER_ID: '60455',
      FEED_POLL_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    };
  }
}
