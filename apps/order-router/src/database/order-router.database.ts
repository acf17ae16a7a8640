import type { ServiceDatabase } from '@dropship/platform';

/** The order-router's own Postgres schema; no other service reads or writes it. */
export const orderRouterDatabase: ServiceDatabase = {
  schema: 'order_router',
  entities: [],
  migrations: [],
};
