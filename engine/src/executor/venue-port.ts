// The ccxt calls of one order, per venue: market order with the client order id, lookup by that id
// (Binance origClientOrderId, Hyperliquid cloid), leverage, and ccxt orders mapped to VenueOrder.
import type { Order } from 'ccxt';
import type { Venue } from '../model';
import type { ProClient } from '../venues';
import { orderSocketOf } from './binance-order-socket';
import type { OrderPort, VenueOrder } from './resolve-order';
import type { OrderTransport } from './types';
import { parseRetryAfterMs } from './timing';
import { isOrderNotFound } from './venue-errors';

export interface MarketOrderRequest {
  readonly venue: Venue;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly amount: number;
  /** The amount as the signal wrote it (on the market's step): sent as is when it is a plain decimal. */
  readonly amountText?: string;
  readonly clientOrderId: string;
  readonly reduceOnly: boolean;
}

export function toVenueOrder(order: Order): VenueOrder {
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  return {
    id: order.id === undefined || order.id === null ? '' : String(order.id),
    status: order.status ?? undefined,
    amount: num(order.amount),
    filled: num(order.filled),
    average: num(order.average),
  };
}

/**
 * OrderPort of one market order on one follower's ccxt instance. `price` is read when the order is
 * sent: the reference price, required on Hyperliquid (ccxt makes it an IOC limit at +-5%), unused on Binance.
 * `onSend` hears the venue and transport of every order request as it goes out.
 */
export function marketOrderPort(
  ex: ProClient, request: MarketOrderRequest, price: () => number | undefined, nowMs: () => number, onSend?: (venue: Venue, transport: OrderTransport) => void,
): OrderPort {
  const params: Record<string, unknown> = { clientOrderId: request.clientOrderId };
  if (request.reduceOnly) params['reduceOnly'] = true;
  /** The last order request went over a WebSocket: no HTTP headers of its own to read Retry-After from. */
  let overSocket = false;
  return {
    async create() {
      if (ex.id !== 'binanceusdm') {
        onSend?.(request.venue, 'rest');
        return hyperliquidMarketOrder(ex, request, price(), params);
      }
      const socket = orderSocketOf(ex);
      overSocket = socket?.open === true;
      if (!overSocket) socket?.ensureOpen();
      onSend?.(request.venue, overSocket ? 'websocket' : 'rest');
      return binanceMarketOrder(ex, request, overSocket ? (body) => socket!.place(body) : undefined);
    },
    async lookup() {
      try {
        const order = request.venue === 'binanceusdm'
          ? await ex.fetchOrder('', request.symbol, { origClientOrderId: request.clientOrderId })
          : await ex.fetchOrder(request.clientOrderId, request.symbol, { clientOrderId: request.clientOrderId });
        return toVenueOrder(order);
      } catch (error) {
        if (isOrderNotFound(error)) return null;
        throw error;
      }
    },
    retryAfterMs() {
      if (overSocket) return undefined;
      const headers = ex.last_response_headers as Record<string, unknown> | undefined;
      return parseRetryAfterMs(headers?.['Retry-After'], nowMs());
    },
  };
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A Binance USD-M market order with the fields createOrder sends for it, minus its unified request building and
 * order parsing: a quarter to a half less client CPU per order (scripts/bench/order-cpu.ts), which a
 * 100-follower batch pays 100 times in one process. Sent by `send` (the account's WebSocket API connection,
 * binance-order-socket.ts) when given, else through ccxt's endpoint method (POST /fapi/v1/order, signed and
 * error-mapped by ccxt as createOrder is).
 */
async function binanceMarketOrder(ex: ProClient, request: MarketOrderRequest, send?: (body: Record<string, string>) => Promise<Record<string, unknown>>): Promise<VenueOrder> {
  const text = request.amountText;
  const quantity = text !== undefined && PLAIN_DECIMAL.test(text) ? text : String(ex.amountToPrecision(request.symbol, request.amount));
  const body: Record<string, string> = {
    symbol: String(ex.market(request.symbol).id), side: request.side === 'buy' ? 'BUY' : 'SELL', type: 'MARKET', quantity,
    newClientOrderId: request.clientOrderId, newOrderRespType: 'RESULT',
  };
  if (request.reduceOnly) body['reduceOnly'] = 'true';
  const raw = send !== undefined ? await send(body) : ((await (ex as unknown as BinanceEndpoints).fapiPrivatePostOrder(body)) as Record<string, unknown>);
  return binanceVenueOrder(ex, raw);
}

interface BinanceEndpoints {
  fapiPrivatePostOrder(params: Record<string, string>): Promise<unknown>;
}

/** A raw Binance USD-M order (RESULT response or GET /fapi/v1/order) as VenueOrder; statuses as ccxt maps them. */
function binanceVenueOrder(ex: ProClient, raw: Record<string, unknown>): VenueOrder {
  const num = (x: unknown) => {
    const n = typeof x === 'string' || typeof x === 'number' ? Number(x) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const average = num(raw['avgPrice']);
  const status = typeof raw['status'] === 'string' ? (ex as unknown as { parseOrderStatus(s: string): string }).parseOrderStatus(raw['status']) : undefined;
  return {
    id: raw['orderId'] === undefined || raw['orderId'] === null ? '' : String(raw['orderId']),
    status,
    amount: num(raw['origQty']),
    filled: num(raw['executedQty']),
    average: average !== undefined && average > 0 ? average : undefined,
  };
}

/**
 * A Hyperliquid market order as ccxt's createOrder makes it (the same arguments, client set-up, request
 * building and signing: an IOC limit around `price`, POST /exchange), minus its parsing of the reply into a
 * unified order, which costs about a sixth of the client CPU of an order (scripts/bench/order-cpu.ts: 1.42 -> 1.17 ms, median of 5). Order-level
 * errors ccxt maps to exceptions are still raised by its error handler; the rest come back as a rejection.
 */
async function hyperliquidMarketOrder(ex: ProClient, request: MarketOrderRequest, price: number | undefined, params: Record<string, unknown>): Promise<VenueOrder> {
  const hl = ex as unknown as HyperliquidEndpoints;
  const [order, globalParams] = hl.parseCreateEditOrderArgs(undefined, request.symbol, 'market', request.side, request.amount, price, params);
  await hl.initializeClient();
  const raw = (await hl.privatePostExchange(hl.createOrdersRequest([order], globalParams))) as { response?: { data?: { statuses?: unknown[] } } } | undefined;
  return hyperliquidVenueOrder(raw?.response?.data?.statuses?.[0]);
}

interface HyperliquidEndpoints {
  parseCreateEditOrderArgs(id: undefined, symbol: string, type: string, side: string, amount: number, price: number | undefined, params: Record<string, unknown>): [unknown, Record<string, unknown>];
  initializeClient(): Promise<unknown>;
  createOrdersRequest(orders: unknown[], params: Record<string, unknown>): Record<string, unknown>;
  privatePostExchange(request: Record<string, unknown>): Promise<unknown>;
}

/** One order status of a Hyperliquid /exchange reply as VenueOrder, the fields ccxt's parseOrder gives it. */
export function hyperliquidVenueOrder(status: unknown): VenueOrder {
  const num = (x: unknown) => {
    const n = typeof x === 'string' || typeof x === 'number' ? Number(x) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const o = (typeof status === 'object' && status !== null ? status : {}) as Record<string, Record<string, unknown> | undefined>;
  if (o['error'] !== undefined) return { id: '', status: 'rejected', amount: undefined, filled: undefined, average: undefined };
  const filled = o['filled'];
  if (filled !== undefined) {
    return { id: String(filled['oid'] ?? ''), status: undefined, amount: num(filled['totalSz']), filled: num(filled['totalSz']), average: num(filled['avgPx']) };
  }
  const oid = o['resting']?.['oid'];
  return { id: oid === undefined || oid === null ? '' : String(oid), status: undefined, amount: undefined, filled: undefined, average: undefined };
}

export async function setLeverage(ex: ProClient, symbol: string, leverage: number): Promise<void> {
  await ex.setLeverage(leverage, symbol);
}

/** Mark prices of every market of the venue, from one ticker request (Hyperliquid: markPx). */
export async function fetchMarkPrices(ex: ProClient): Promise<Map<string, number>> {
  const tickers = ex.id === 'hyperliquid' ? await ex.fetchTickers(undefined, { type: 'swap' }) : await ex.fetchTickers();
  const prices = new Map<string, number>();
  for (const [symbol, ticker] of Object.entries(tickers)) {
    const info = (ticker.info ?? {}) as Record<string, unknown>;
    const candidates = [Number(info['markPx']), Number(info['markPrice']), ticker.close, ticker.last];
    const price = candidates.find((x) => typeof x === 'number' && Number.isFinite(x) && x > 0);
    if (price !== undefined) prices.set(symbol, price);
  }
  return prices;
}
