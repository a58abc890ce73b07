// Maps a ccxt unified trade (from watchMyTrades) of a follower's account to the engine's FollowerTradeEvent.
// Pure. Only trades of the engine's own orders are kept (their client order id is one the engine makes).
import { isEngineClientOrderId } from '../core';
import type { Venue } from '../model';
import type { FollowerTradeEvent } from './types';

/** The fields of a ccxt unified trade the feeds read (ccxt's Trade satisfies it). */
export interface VenueTradeLike {
  readonly id?: string | undefined;
  readonly order?: string | undefined;
  readonly symbol?: string | undefined;
  readonly side?: string | undefined;
  readonly amount?: number | undefined;
  readonly price?: number | undefined;
  readonly timestamp?: number | undefined;
  readonly fee?: { readonly cost?: number | undefined; readonly currency?: string | undefined } | undefined;
  readonly info?: unknown;
}

/** Where each venue's raw trade keeps the order's client id: ORDER_TRADE_UPDATE 'c', userFills 'cloid'. */
const CLIENT_ID_FIELD: Record<Venue, string> = { binanceusdm: 'c', hyperliquid: 'cloid' };

export function toFollowerTradeEvent(followerId: string, venue: Venue, t: VenueTradeLike, rxTs: number): FollowerTradeEvent | undefined {
  const raw = t.info as Record<string, unknown> | undefined;
  const cid = raw?.[CLIENT_ID_FIELD[venue]];
  if (typeof cid !== 'string' || !isEngineClientOrderId(venue, cid)) return undefined;
  if (t.id === undefined || t.id === '' || t.symbol === undefined || (t.side !== 'buy' && t.side !== 'sell')) return undefined;
  const amount = t.amount ?? NaN;
  const price = t.price ?? NaN;
  if (!(amount > 0 && amount < Infinity) || !(price > 0 && price < Infinity)) return undefined;
  const fee = t.fee?.cost;
  return {
    followerId, venue, clientOrderId: cid, venueTradeId: t.id, venueOrderId: t.order ?? '', symbol: t.symbol, side: t.side,
    amount, price,
    fee: fee !== undefined && Number.isFinite(fee) ? fee : 0,
    feeCurrency: t.fee?.currency ?? null,
    venueTs: t.timestamp !== undefined && Number.isFinite(t.timestamp) ? t.timestamp : rxTs,
    rxTs,
  };
}
