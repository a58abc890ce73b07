// The order-bearing /exchange actions: order (with rate limit and after-fill faults) and cancel / cancelByCloid.
// Maps wire orders to core requests and core results to per-order statuses; signatures are checked before this.
import { SimRejectError, type SimAccount, type SimOrder } from '../core';
import { iocNoMatch, ok, orderErrorMessage, orderNotFound, type Reply } from './errors';
import { decimal, px } from './format';
import type { HyperliquidState } from './state';
import { parseCancels, parseOrders, type Action, type WireOrder } from './wire';

type OrderStatusEntry =
  | { filled: { totalSz: string; avgPx: string; oid: number; cloid?: string } }
  | { resting: { oid: number; cloid?: string } }
  | { error: string };

const CORE_TIF = { Gtc: 'GTC', Ioc: 'IOC', Alo: 'ALO' } as const;

/** Exchange weight of an order action: 1 + floor(batch / 40). */
export const orderActionWeight = (batch: number) => 1 + Math.floor(batch / 40);

export function placeOrders(st: HyperliquidState, account: SimAccount, address: string, action: Action): Reply {
  const orders = parseOrders(action);
  const decision = st.ctx.limiter.take(address, orderActionWeight(orders.length));
  if (!decision.ok) {
    const text = decision.status === 418 ? 'Banned for too many requests' : 'Too many requests';
    return { kind: 'text', status: decision.status, text, headers: { 'Retry-After': String(decision.retryAfterSec) } };
  }
  const statuses = orders.map((o) => placeOne(st, account, o));
  if (statuses.some((s) => 'filled' in s)) {
    if (st.ctx.faults.takeDropReply('hyperliquid', account.id)) return { kind: 'drop' };
    if (st.ctx.faults.takeUnknownError('hyperliquid', account.id)) return { kind: 'text', status: 503, text: 'Unknown error' };
  }
  return ok({ status: 'ok', response: { type: 'order', data: { statuses } } });
}

function placeOne(st: HyperliquidState, account: SimAccount, w: WireOrder): OrderStatusEntry {
  const m = st.marketByAsset(w.a);
  if (!m) return { error: `Order has invalid asset. asset=${w.a}` };
  if (w.trigger || !w.tif) return { error: `Trigger orders are not supported by the simulator. asset=${w.a}` };
  const mark = st.core.mark('hyperliquid', m.id);
  let order: SimOrder;
  st.placing++;
  try {
    order = st.core.placeOrder(account.id, {
      symbolId: m.id, side: w.b ? 'buy' : 'sell', type: 'limit', tif: CORE_TIF[w.tif], amount: Number(w.s),
      price: Number(w.p), reduceOnly: w.r, clientOrderId: w.c,
    });
  } catch (e) {
    return { error: orderErrorMessage(e, w.a, m, mark) };
  } finally {
    st.placing--;
  }
  const cloid = order.clientOrderId ? { cloid: order.clientOrderId } : {};
  if (order.status === 'expired') return { error: iocNoMatch(w.a) };
  if (order.status === 'filled') {
    return { filled: { totalSz: decimal(order.filled, m.quantityPrecision), avgPx: px(order.avgPrice), oid: order.id, ...cloid } };
  }
  return { resting: { oid: order.id, ...cloid } };
}

export function cancelOrders(st: HyperliquidState, account: SimAccount, action: Action): Reply {
  const statuses = parseCancels(action).map((c): 'success' | { error: string } => {
    const m = st.marketByAsset(c.asset);
    try {
      const o = st.core.findOrder(account.id, c.oid !== undefined ? { orderId: c.oid } : { clientOrderId: c.cloid });
      if (!m || o.symbolId !== m.id) return { error: orderNotFound(c.asset) };
      st.core.cancelOrder(account.id, { orderId: o.id });
      return 'success';
    } catch (e) {
      if (e instanceof SimRejectError && e.code === 'order_not_found') return { error: orderNotFound(c.asset) };
      throw e;
    }
  });
  return ok({ status: 'ok', response: { type: 'cancel', data: { statuses } } });
}
