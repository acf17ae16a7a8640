import { TokenStore } from './auth/tokens';
import { renderEntry } from './feed/atom-writer';
import { ByteArena } from './feed/byte-arena';
import { FeedStore } from './feed/feed-store';
import { orderCreatedXml } from './feed/payload-writer';
import { Faults } from './faults/faults';
import type { ResolvedOptions } from './options';
import { OrderGenerator } from './orders/order-generator';
import { orderFromInput } from './orders/order-input';
import { DuplicateOrderError, OrderStore, type OrderRecord } from './orders/order-store';
import type { SandboxOrder } from './orders/order-types';
import { UpdateLog } from './orders/update-log';
import { RateLimiter } from './rate-limit';
import { SandboxStats } from './stats';
import { AdjustableClock, atomTime, type Clock } from './support/clock';
import { SeededRandom } from './support/random';

export interface GenerateRequest {
  count: number;
  /** A separate generator with this seed (same seed, same orders); default: the sandbox's own sequence. */
  seed?: string;
  shipToStore?: boolean;
}

/** Everything the fake iQmetrix holds, in memory; routes and tests work on this. */
export class SandboxState {
  readonly clock: AdjustableClock;
  readonly tokens: TokenStore;
  readonly limiters: { accounts: RateLimiter; dropship: RateLimiter };
  readonly faults: Faults;
  readonly feed: FeedStore;
  readonly orders = new OrderStore();
  readonly updates = new UpdateLog();
  readonly stats = new SandboxStats();
  private ids: SeededRandom;
  private arena = new ByteArena();
  private generator: OrderGenerator;

  constructor(
    readonly options: ResolvedOptions,
    baseClock: Clock,
  ) {
    this.clock = new AdjustableClock(baseClock);
    this.ids = new SeededRandom(`${options.seed}:ids`);
    this.generator = new OrderGenerator(new SeededRandom(`${options.seed}:orders`));
    this.tokens = new TokenStore(options.credentials, this.clock, {
      accessSeconds: options.tokenTtlSeconds,
      refreshSeconds: options.refreshTokenTtlSeconds,
    });
    this.limiters = {
      accounts: new RateLimiter(options.rateLimit, this.clock),
      dropship: new RateLimiter(options.rateLimit, this.clock),
    };
    this.faults = new Faults(options.seed);
    this.feed = new FeedStore(() => this.ids.uuid(), this.clock);
  }

  /** Appends an entry; with `duplicateEntryRate`, sometimes twice with the same id (at-least-once). */
  publishEntry(title: string, payloadXml: string): string {
    const id = this.ids.uuid();
    const now = this.clock.now();
    const xml = this.arena.store(renderEntry({ id, title, time: atomTime(now), payloadXml }));
    this.feed.append({ id, xml }, now);
    this.stats.increment('feedEntries');
    if (this.faults.shouldDuplicateEntry()) {
      this.feed.append({ id, xml }, now);
      this.stats.increment('duplicatedEntries');
    }
    return id;
  }

  /** Appends an entry exactly as given (for tests that need malformed or unusual entries). */
  publishRawEntry(xml: string): void {
    this.feed.append({ id: undefined, xml: this.arena.store(xml.endsWith('\n') ? xml : `${xml}\n`) }, this.clock.now());
    this.stats.increment('rawEntries');
  }

  /** Validates every input first, so a bad list creates nothing. */
  createOrders(inputs: readonly unknown[]): SandboxOrder[] {
    return this.addAll(inputs.map((input) => orderFromInput(input, this.generateOne())));
  }

  generateOrders(request: GenerateRequest): SandboxOrder[] {
    const generator =
      request.seed === undefined ? this.generator : new OrderGenerator(new SeededRandom(`${request.seed}:orders`));
    const orders: SandboxOrder[] = [];
    for (let i = 0; i < request.count; i += 1) {
      orders.push(generator.generate({ supplierId: this.options.supplierId, shipToStore: request.shipToStore }));
    }
    return this.addAll(orders);
  }

  /** A second `order-created` entry for a known order, with a new entry id (duplicate by order-id). */
  republishOrder(record: OrderRecord): string {
    return this.publishEntry('Dropship Order Created', orderCreatedXml(record.order));
  }

  /**
   * Forgets orders, feed, tokens, updates, faults and stats. Entry, page and order ids continue their
   * sequence (a connector that kept its checkpoint must not see old ids again) unless a `seed` is
   * given, which restarts every sequence from it, as a fresh sandbox started with that seed would.
   */
  reset(seed?: string): void {
    const { rateLimit, tokenTtlSeconds } = this.options;
    if (seed !== undefined) {
      this.ids = new SeededRandom(`${seed}:ids`);
      this.generator = new OrderGenerator(new SeededRandom(`${seed}:orders`));
    }
    this.tokens.reset();
    this.tokens.setAccessTtlSeconds(tokenTtlSeconds);
    this.limiters.accounts.configure(rateLimit);
    this.limiters.dropship.configure(rateLimit);
    this.faults.clear();
    if (seed !== undefined) this.faults.configure({}, seed);
    this.orders.clear();
    this.updates.clear();
    this.stats.reset();
    this.clock.resetOffset();
    this.feed.reset();
    this.arena = new ByteArena();
  }

  private generateOne(): SandboxOrder {
    return this.generator.generate({ supplierId: this.options.supplierId });
  }

  /** All or nothing: an id already known (or repeated in the list) creates no order at all. */
  private addAll(orders: SandboxOrder[]): SandboxOrder[] {
    const ids = new Set<string>();
    for (const order of orders) {
      const key = order.orderId.toLowerCase();
      if (this.orders.has(key) || ids.has(key)) throw new DuplicateOrderError(order.orderId);
      ids.add(key);
    }
    for (const order of orders) {
      this.orders.add(order, atomTime(this.clock.now()));
      this.publishEntry('Dropship Order Created', orderCreatedXml(order));
      this.stats.increment('ordersCreated');
    }
    return orders;
  }
}
