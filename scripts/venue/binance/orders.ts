// Binance USD-M order endpoints over the matching core: place (MARKET / LIMIT GTC IOC GTX), query,
// cancel, open / all orders, cancel-all and userTrades. Validates parameters the way Binance does.
import type { PlaceOrderRequest, SimMarket, SimOrder, TimeInForce, VenueContext } from '../core';
import { BinanceApiError, illegal, invalidValue, mandatory, rateLimited, toBinanceError } from './errors';
import type { FillLog } from './fills';
import { orderJson, tradeView } from './format';
import type { Params, SignedRequest } from './sign';

const DECIMAL = /^[0-9]{1,20}(\.[0-9]{1,20})?$/;
const TIF: Record<string, TimeInForce> = { GTC: 'GTC', IOC: 'IOC', GTX: 'ALO' };

/** What the HTTP layer does with a placed order: answer, or (faults) drop the reply / answer 503. */
export interface PlacedOrder {
  body: string;
  fault?: 'drop' | 'unknown';
}

export function marketOf(ctx: VenueContext, p: Params): SimMarket {
  const id = p.symbol;
  if (!id) throw mandatory('symbol');
  return ctx.core.market('binanceusdm', id);
}

function decimal(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === '') return undefined;
  if (!DECIMAL.test(v)) throw illegal(name);
  return Number(v);
}

function int(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === '') return undefined;
  if (!/^[0-9]{1,19}$/.test(v)) throw illegal(name);
  return Number(v);
}

/** Parse and check POST /fapi/v1/order parameters into a core request. */
export function parseOrder(p: Params): { req: Omit<PlaceOrderRequest, 'symbolId'>; ack: boolean } {
  const side = p.side;
  if (!side) throw mandatory('side');
  if (side !== 'BUY' && side !== 'SELL') throw new BinanceApiError(-1117, 'Invalid side.');
  const type = p.type;
  if (!type) throw mandatory('type');
  if (type !== 'MARKET' && type !== 'LIMIT') throw new BinanceApiError(-1116, 'Invalid orderType.');
  if (p.positionSide !== undefined && p.positionSide !== 'BOTH') {
    throw new BinanceApiError(-4061, "Order's position side does not match user's setting.");
  }
  const amount = decimal(p, 'quantity');
  if (amount === undefined) throw mandatory('quantity');
  const reduce = p.reduceOnly;
  if (reduce !== undefined && reduce !== 'true' && reduce !== 'false') throw invalidValue('reduceOnly');
  const resp = p.newOrderRespType ?? 'ACK';
  if (resp !== 'ACK' && resp !== 'RESULT') throw new BinanceApiError(-1136, 'Invalid newOrderRespType');
  const req: Omit<PlaceOrderRequest, 'symbolId'> = {
    side: side === 'BUY' ? 'buy' : 'sell', type: type === 'MARKET' ? 'market' : 'limit', amount,
    reduceOnly: reduce === 'true', clientOrderId: p.newClientOrderId,
  };
  if (type === 'LIMIT') {
    const price = decimal(p, 'price');
    if (price === undefined) throw mandatory('price');
    const tif = p.timeInForce;
    if (!tif) throw mandatory('timeInForce');
    const mapped = TIF[tif];
    if (!mapped) throw new BinanceApiError(-1115, 'Invalid timeInForce.');
    req.price = price;
    req.tif = mapped;
  } else if (p.price !== undefined) {
    throw new BinanceApiError(-1106, "Parameter 'price' sent when not required.");
  }
  return { req, ack: resp === 'ACK' };
}

export function placeOrder(ctx: VenueContext, s: SignedRequest): PlacedOrder {
  const accountId = s.cred.id;
  const rate = ctx.limiter.take(accountId);
  if (!rate.ok) {
    throw rateLimited(rate.status, rate.retryAfterSec, Math.round(ctx.limiter.config.refillPerSec * 10), ctx.core.now());
  }
  let order: SimOrder;
  let ack: boolean;
  let m: SimMarket;
  try {
    m = marketOf(ctx, s.params);
    const parsed = parseOrder(s.params);
    ack = parsed.ack;
    order = ctx.core.placeOrder(accountId, { ...parsed.req, symbolId: m.id });
  } catch (e) {
    throw toBinanceError(e, 'place');
  }
  const body = orderJson(order, m, { ack });
  if (order.filled > 0) {
    if (ctx.faults.takeDropReply('binanceusdm', accountId)) return { body, fault: 'drop' };
    if (ctx.faults.takeUnknownError('binanceusdm', accountId)) return { body, fault: 'unknown' };
  }
  return { body };
}

/** The order named by orderId or origClientOrderId, in this symbol (Binance scopes orders by symbol). */
function findOrder(ctx: VenueContext, s: SignedRequest, context: 'query' | 'cancel'): { o: SimOrder; m: SimMarket } {
  try {
    const m = marketOf(ctx, s.params);
    const orderId = int(s.params, 'orderId');
    const clientOrderId = s.params.origClientOrderId;
    if (orderId === undefined && !clientOrderId) {
      throw new BinanceApiError(-1102, "Either 'orderId' or 'origClientOrderId' must be sent.");
    }
    const o = ctx.core.findOrder(s.cred.id, orderId !== undefined ? { orderId } : { clientOrderId });
    if (o.symbolId !== m.id) throw new BinanceApiError(context === 'cancel' ? -2011 : -2013, context === 'cancel' ? 'Unknown order sent.' : 'Order does not exist.');
    return { o, m };
  } catch (e) {
    throw toBinanceError(e, context);
  }
}

export function queryOrder(ctx: VenueContext, s: SignedRequest): string {
  const { o, m } = findOrder(ctx, s, 'query');
  return orderJson(o, m, { withTime: true });
}

export function cancelOrder(ctx: VenueContext, s: SignedRequest): string {
  const { o, m } = findOrder(ctx, s, 'cancel');
  try {
    return orderJson(ctx.core.cancelOrder(s.cred.id, { orderId: o.id }), m);
  } catch (e) {
    throw toBinanceError(e, 'cancel');
  }
}

const withMarket = (ctx: VenueContext, o: SimOrder) => orderJson(o, ctx.core.market('binanceusdm', o.symbolId), { withTime: true });

export function openOrders(ctx: VenueContext, s: SignedRequest): string {
  const symbolId = s.params.symbol === undefined ? undefined : marketOf(ctx, s.params).id;
  return `[${ctx.core.openOrders(s.cred.id, symbolId).map((o) => withMarket(ctx, o)).join(',')}]`;
}

export function allOrders(ctx: VenueContext, s: SignedRequest): string {
  const m = marketOf(ctx, s.params);
  const fromId = int(s.params, 'orderId');
  const limit = Math.min(1000, int(s.params, 'limit') ?? 500);
  const list = [...ctx.core.account(s.cred.id).orders.values()].filter((o) => o.symbolId === m.id && (fromId === undefined || o.id >= fromId));
  return `[${(fromId === undefined ? list.slice(-limit) : list.slice(0, limit)).map((o) => withMarket(ctx, o)).join(',')}]`;
}

export function cancelAllOpenOrders(ctx: VenueContext, s: SignedRequest): string {
  const m = marketOf(ctx, s.params);
  for (const o of ctx.core.openOrders(s.cred.id, m.id)) ctx.core.cancelOrder(s.cred.id, { orderId: o.id });
  return '{"code":200,"msg":"The operation of cancel all open order is done."}';
}

export function userTrades(ctx: VenueContext, fills: FillLog, s: SignedRequest): string {
  const m = marketOf(ctx, s.params);
  const limit = Math.min(1000, int(s.params, 'limit') ?? 500);
  const list = fills.query(s.cred.id, {
    symbolId: m.id, orderId: int(s.params, 'orderId'), fromId: int(s.params, 'fromId'),
    startTime: int(s.params, 'startTime'), endTime: int(s.params, 'endTime'), limit,
  });
  return JSON.stringify(list.map((f) => tradeView(f, m)));
}
