// Read-only journal use cases: orders and fills (follower tokens see only their own follower) and
// the signals journal (operators), paged newest first by id. No HTTP Context here.
import type { FillRecord, OrderRecord, SignalRecord } from '../../store';
import { followerScopeOf, requireOperator, type Principal } from '../auth/principal';
import { DEFAULT_LIMIT } from '../http/model';
import type { ServiceDeps } from '../service-support';
import type { FillsQuery, FillView, OrdersQuery, OrderView, SignalPage, SignalsQuery, SignalView } from './model';

export const toOrderView = (order: OrderRecord): OrderView => ({
  ...order, createdAt: order.createdAt.toISOString(), updatedAt: order.updatedAt.toISOString(),
});

export const toFillView = (fill: FillRecord): FillView => ({ ...fill, ts: fill.ts.toISOString() });

export const toSignalView = (signal: SignalRecord): SignalView => ({
  ...signal,
  payload: signal.payload === null ? null : Buffer.from(signal.payload).toString('base64'),
  ts: signal.ts.toISOString(),
});

export class JournalService {
  constructor(private readonly deps: Pick<ServiceDeps, 'store'>) {}

  async orders(principal: Principal, query: OrdersQuery): Promise<OrderView[]> {
    const followerId = followerScopeOf(principal, query.followerId);
    const orders = await this.deps.store.orders.list({
      followerId, whaleId: query.whaleId, status: query.status, limit: query.limit ?? DEFAULT_LIMIT,
    });
    return orders.map(toOrderView);
  }

  async fills(principal: Principal, query: FillsQuery): Promise<FillView[]> {
    const followerId = followerScopeOf(principal, query.followerId);
    return (await this.deps.store.fills.list({ followerId, limit: query.limit ?? DEFAULT_LIMIT })).map(toFillView);
  }

  /** One page, newest first; `next` is the beforeId of the following page, null when there is none. */
  async signals(principal: Principal, query: SignalsQuery): Promise<SignalPage> {
    requireOperator(principal);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.deps.store.signals.list({ whaleId: query.whaleId, kind: query.kind, beforeId: query.beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toSignalView), next: rows.length > limit && last !== undefined ? last.id : null };
  }
}
