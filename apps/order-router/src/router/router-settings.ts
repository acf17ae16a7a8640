import type { OrderRouterSettings } from '../config/order-router.config';

/** DI token of the router's own settings (a plain object, so a Symbol rather than a class). */
export const ROUTER_SETTINGS = Symbol('ROUTER_SETTINGS');

export type RouterSettings = OrderRouterSettings;

/** The consumer group of the contract (style §3: the app's name); offsets commit in its name. */
export const ROUTER_GROUP_ID = 'order-router';
