import type { ServiceDatabase } from '@dropship/platform';
import { OrderStatusEntity } from '../ledger/order-status.entity';
import { ReceivedOrderEntity } from '../ledger/received-order.entity';
import { StatusUpdateEntity } from '../ledger/status-update.entity';
import { CreateOrderLedger1767225600000 } from '../migrations/1767225600000-create-order-ledger';

/** The order-router's own Postgres schema; no other service reads or writes it. */
export const orderRouterDatabase: ServiceDatabase = {
  schema: 'order_router',
  entities: [ReceivedOrderEntity, StatusUpdateEntity, OrderStatusEntity],
  migrations: [CreateOrderLedger1767225600000],
};
