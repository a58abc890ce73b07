// Binance USD-M WebSocket payloads: market stream events (markPriceUpdate, 24hrTicker, 24hrMiniTicker,
// bookTicker) and user-data events (ORDER_TRADE_UPDATE, ACCOUNT_UPDATE, ACCOUNT_CONFIG_UPDATE). Pure.
import type { MatchingCore, SimAccount, SimFill, SimMarket, SimOrder } from '../core';
import { dec, px, qty, STATUS, tifOf } from './format';
import type { MarketStat, MarketStats } from './stats';

const EIGHT_HOURS = 8 * 3600_000;
export const nextFundingTime = (now: number) => Math.floor(now / EIGHT_HOURS) * EIGHT_HOURS + EIGHT_HOURS;
export const FUNDING_RATE = '0.00010000';
const p8 = (x: number) => x.toFixed(8);

export function markPriceEvent(m: SimMarket, mark: number, now: number) {
  return { e: 'markPriceUpdate', E: now, s: m.id, p: p8(mark), ap: p8(mark), P: p8(mark), i: p8(mark), r: FUNDING_RATE, T: nextFundingTime(now) };
}

export function miniTickerEvent(stats: MarketStats, s: MarketStat, now: number) {
  const m = s.m;
  const last = stats.mark(s);
  return { e: '24hrMiniTicker', E: now, s: m.id, c: px(m, last), o: px(m, s.open), h: px(m, Math.max(s.high, last)), l: px(m, Math.min(s.low, last)), v: qty(m, s.volume), q: dec(s.quoteVolume) };
}

export function tickerEvent(stats: MarketStats, s: MarketStat, now: number) {
  const m = s.m;
  const last = stats.mark(s);
  const change = last - s.open;
  return {
    e: '24hrTicker', E: now, s: m.id, p: px(m, change), P: ((change / s.open) * 100).toFixed(3),
    w: px(m, s.volume > 0 ? s.quoteVolume / s.volume : last), c: px(m, last), Q: qty(m, s.lastQty), o: px(m, s.open),
    h: px(m, Math.max(s.high, last)), l: px(m, Math.min(s.low, last)), v: qty(m, s.volume), q: dec(s.quoteVolume),
    O: s.openTime, C: now, F: s.firstId, L: s.lastId, n: s.count,
  };
}

export function bookTickerEvent(stats: MarketStats, s: MarketStat, now: number) {
  const m = s.m;
  const [bid, ask] = stats.bidAsk(s);
  const depth = qty(m, m.marketMaxQty);
  return { e: 'bookTicker', u: s.updateId, s: m.id, b: px(m, bid), B: depth, a: px(m, ask), A: depth, T: now, E: now };
}

const EXECUTION: Record<SimOrder['status'], string> = {
  new: 'NEW', partially_filled: 'TRADE', filled: 'TRADE', canceled: 'CANCELED', expired: 'EXPIRED', rejected: 'REJECTED',
};

/** ORDER_TRADE_UPDATE for one order status change; `fill` makes it an execution of type TRADE. */
export function orderTradeUpdate(o: SimOrder, m: SimMarket, fill: SimFill | undefined, now: number) {
  const type = o.type === 'market' ? 'MARKET' : 'LIMIT';
  const x = fill ? 'TRADE' : EXECUTION[o.status];
  return {
    e: 'ORDER_TRADE_UPDATE', E: now, T: o.updateTime,
    o: {
      s: o.symbolId, c: o.clientOrderId, S: o.side === 'buy' ? 'BUY' : 'SELL', o: type, f: tifOf(o), q: qty(m, o.amount),
      p: o.type === 'limit' ? px(m, o.price) : '0', ap: o.filled > 0 ? dec(o.avgPrice) : '0', sp: '0', x, X: STATUS[o.status],
      i: o.id, l: fill ? qty(m, fill.amount) : '0', z: qty(m, o.filled), L: fill ? px(m, fill.price) : '0',
      N: m.quote, n: fill ? dec(fill.fee) : '0', T: o.updateTime, t: fill ? fill.tradeId : 0, b: '0', a: '0', m: false,
      R: o.reduceOnly, wt: 'CONTRACT_PRICE', ot: type, ps: 'BOTH', cp: false, rp: fill ? dec(fill.realizedPnl) : '0',
      pP: false, si: 0, ss: 0, V: 'EXPIRE_MAKER', pm: 'NONE', gtd: 0,
    },
  };
}

/** Binance's ACCOUNT_UPDATE reason for each core account change. */
const REASON = { ORDER: 'ORDER', DEPOSIT: 'DEPOSIT', RESET: 'ADJUSTMENT', LEVERAGE: 'ADJUSTMENT' } as const;

/** ACCOUNT_UPDATE: the wallet balance and the positions of `symbols` (a closed position as pa "0"). */
export function accountUpdate(core: MatchingCore, a: SimAccount, reason: keyof typeof REASON, symbols: readonly string[], now: number) {
  const P = [];
  for (const id of symbols) {
    const p = a.positions.get(id);
    const m = core.market(a.venue, id);
    const contracts = p?.contracts ?? 0;
    const entry = p?.entryPrice ?? 0;
    P.push({
      s: id, pa: qty(m, contracts), ep: dec(entry), bep: dec(entry), cr: dec(p?.realizedPnl ?? 0),
      up: dec(contracts * (core.mark(a.venue, id) - entry)), mt: 'cross', iw: '0', ps: 'BOTH', ma: m.quote,
    });
  }
  return {
    e: 'ACCOUNT_UPDATE', E: now, T: a.updateTime,
    a: { m: REASON[reason], B: [{ a: 'USDT', wb: dec(a.balance), cw: dec(a.balance), bc: '0' }], P },
  };
}

/** ACCOUNT_CONFIG_UPDATE: a symbol's leverage changed. */
export function leverageUpdate(core: MatchingCore, a: SimAccount, symbolId: string, now: number) {
  return { e: 'ACCOUNT_CONFIG_UPDATE', E: now, T: now, ac: { s: symbolId, l: core.leverageOf(a, symbolId) } };
}
