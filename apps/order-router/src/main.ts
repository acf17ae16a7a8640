import 'reflect-metadata';
import { runService } from '@dropship/platform';
import { AppModule } from './app.module';
import { loadOrderRouterConfig } from './config/order-router.config';
import { orderRouterDatabase } from './database/order-router.database';

void runService(
  {
    service: 'order-router',
    // Both calls return the same once-loaded configuration (and routing rules).
    loadConfig: () => loadOrderRouterConfig().connector,
    appModule: (config) => AppModule.forRoot(config, loadOrderRouterConfig().router),
    database: orderRouterDatabase,
  },
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(`order-router: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
