// Core state rendered as Binance USD-M REST JSON (numbers as strings): orders, fills, positions, account,
// leverage brackets. Pure functions of core objects; no I/O and no state here.
import type { MatchingCore, SimAccount, SimFill, SimMarket, SimOrder, SimPosition } from '../core';

export const STATUS: Record<SimOrder['status'], string> = {
  new: 'NEW', partially_filled: 'PARTIALLY_FILLED', filled: 'FILLED', canceled: 'CANCELED', expired: 'EXPIRED',
  rejected: 'REJECTED',
};

/** Maintenance margin ratio of the first leverage bracket (Binance's tier 1). */
const MAINT_MARGIN_RATIO: Record<string, number> = { BTCUSDT: 0.004, ETHUSDT: 0.005, SOLUSDT: 0.005 };
export const maintRatio = (m: SimMarket) => MAINT_MARGIN_RATIO[m.id] ?? 0.005;
/** One bracket per market: notional cap at the market's max quantity x its initial price. */
export const notionalCap = (m: SimMarket) => Math.round(m.maxQty * m.initialPrice);

export const qty = (m: SimMarket, x: number) => x.toFixed(m.quantityPrecision);
export const px = (m: SimMarket, x: number) => x.toFixed(m.pricePrecision);
/** Averages and money: enough decimals that nothing the core computed is rounded away. */
export const dec = (x: number) => (x === 0 ? '0' : x.toFixed(8));

/** Binance reports a market order's time in force as GTC and a post-only one as GTX. */
export const tifOf = (o: SimOrder) => (o.type === 'market' ? 'GTC' : o.tif === 'ALO' ? 'GTX' : o.tif);

/**
 * An order as POST/GET/DELETE /fapi/v1/order answer it, as JSON text (built directly: it is on every order's
 * path); `ack` renders the pre-fill ACK snapshot, `withTime` adds the creation time (GET).
 */
export function orderJson(o: SimOrder, m: SimMarket, opts: { ack?: boolean; withTime?: boolean } = {}): string {
  const ack = opts.ack === true;
  const type = o.type === 'market' ? 'MARKET' : 'LIMIT';
  const filled = ack ? '0' : qty(m, o.filled);
  return `{"orderId":${o.id},"symbol":${JSON.stringify(o.symbolId)},"status":"${ack ? 'NEW' : STATUS[o.status]}",` +
    `"clientOrderId":${JSON.stringify(o.clientOrderId)},"price":"${o.type === 'limit' ? px(m, o.price) : '0'}",` +
    `"avgPrice":"${ack || o.filled === 0 ? '0.00' : dec(o.avgPrice)}","origQty":"${qty(m, o.amount)}",` +
    `"executedQty":"${filled}","cumQty":"${filled}","cumQuote":"${ack ? '0' : dec(o.cumQuote)}",` +
    `"timeInForce":"${tifOf(o)}","type":"${type}","reduceOnly":${o.reduceOnly},"closePosition":false,` +
    `"side":"${o.side === 'buy' ? 'BUY' : 'SELL'}","positionSide":"BOTH","stopPrice":"0","workingType":"CONTRACT_PRICE",` +
    `"priceProtect":false,"origType":"${type}","priceMatch":"NONE","selfTradePreventionMode":"EXPIRE_MAKER",` +
    `"goodTillDate":0,"updateTime":${JSON.stringify(ack ? o.timestamp : o.updateTime)}` +
    (opts.withTime ? `,"time":${JSON.stringify(o.timestamp)}}` : '}');
}

/** A fill as GET /fapi/v1/userTrades lists it. The core charges taker fees, so every fill is a taker fill. */
export function tradeView(f: SimFill, m: SimMarket) {
  return {
    buyer: f.side === 'buy', commission: dec(f.fee), commissionAsset: m.quote, id: f.tradeId, maker: false,
    orderId: f.orderId, price: px(m, f.price), qty: qty(m, f.amount), quoteQty: dec(f.amount * f.price),
    realizedPnl: dec(f.realizedPnl), side: f.side === 'buy' ? 'BUY' : 'SELL', positionSide: 'BOTH', symbol: f.symbolId,
    time: f.timestamp,
  };
}

export interface MarginTotals {
  positionMargin: number;
  orderMargin: number;
  maintMargin: number;
  unrealized: number;
}

export function marginTotals(core: MatchingCore, a: SimAccount): MarginTotals {
  let positionMargin = 0;
  let maintMargin = 0;
  let unrealized = 0;
  for (const p of a.positions.values()) {
    if (p.contracts === 0) continue;
    const m = core.market(a.venue, p.symbolId);
    const mark = core.mark(a.venue, p.symbolId);
    const notional = Math.abs(p.contracts) * mark;
    positionMargin += notional / core.leverageOf(a, p.symbolId);
    maintMargin += notional * maintRatio(m);
    unrealized += p.contracts * (mark - p.entryPrice);
  }
  const orderMargin = Math.max(0, core.usedMargin(a) - positionMargin);
  return { positionMargin, orderMargin, maintMargin, unrealized };
}

/**
 * Cross-margin liquidation price of one position, other positions held at their marks:
 * solves wallet' + q (P - entry) = mmr |q| P. "0" when the account cannot be liquidated by this position.
 */
export function liquidationPrice(core: MatchingCore, a: SimAccount, p: SimPosition, m: SimMarket): number {
  if (p.contracts === 0) return 0;
  let wallet = a.balance;
  for (const o of a.positions.values()) {
    if (o === p || o.contracts === 0) continue;
    const om = core.market(a.venue, o.symbolId);
    const mark = core.mark(a.venue, o.symbolId);
    wallet += o.contracts * (mark - o.entryPrice) - Math.abs(o.contracts) * mark * maintRatio(om);
  }
  const q = p.contracts;
  const price = (q * p.entryPrice - wallet) / (q - maintRatio(m) * Math.abs(q));
  return price > 0 && Number.isFinite(price) ? price : 0;
}

/** A row of GET /fapi/v3/positionRisk (v2 adds leverage, margin type and max notional). */
export function positionView(core: MatchingCore, a: SimAccount, p: SimPosition, v2: boolean) {
  const m = core.market(a.venue, p.symbolId);
  const mark = core.mark(a.venue, p.symbolId);
  const notional = p.contracts * mark;
  const lev = core.leverageOf(a, p.symbolId);
  const im = Math.abs(notional) / lev;
  const row: Record<string, unknown> = {
    symbol: p.symbolId, positionSide: 'BOTH', positionAmt: qty(m, p.contracts), entryPrice: dec(p.entryPrice),
    breakEvenPrice: dec(p.entryPrice), markPrice: dec(mark), unRealizedProfit: dec(p.contracts * (mark - p.entryPrice)),
    liquidationPrice: dec(liquidationPrice(core, a, p, m)), isolatedMargin: '0', notional: dec(notional),
    marginAsset: m.quote, isolatedWallet: '0', initialMargin: dec(im), maintMargin: dec(Math.abs(notional) * maintRatio(m)),
    positionInitialMargin: dec(im), openOrderInitialMargin: '0', adl: 0, bidNotional: '0', askNotional: '0',
    updateTime: p.updateTime,
  };
  if (v2) {
    row.leverage = String(lev);
    row.marginType = 'cross';
    row.isAutoAddMargin = 'false';
    row.maxNotionalValue = String(notionalCap(m));
  }
  return row;
}

/** GET /fapi/v3/account (v2: every symbol's position row, plus the v2 account flags). */
export function accountView(core: MatchingCore, a: SimAccount, markets: readonly SimMarket[], v2: boolean) {
  const t = marginTotals(core, a);
  const equity = a.balance + t.unrealized;
  const available = Math.max(0, equity - t.positionMargin - t.orderMargin);
  const used = t.positionMargin + t.orderMargin;
  const asset = {
    asset: 'USDT', walletBalance: dec(a.balance), unrealizedProfit: dec(t.unrealized), marginBalance: dec(equity),
    maintMargin: dec(t.maintMargin), initialMargin: dec(used), positionInitialMargin: dec(t.positionMargin),
    openOrderInitialMargin: dec(t.orderMargin), crossWalletBalance: dec(a.balance), crossUnPnl: dec(t.unrealized),
    availableBalance: dec(available), maxWithdrawAmount: dec(Math.min(available, a.balance)), marginAvailable: true,
    updateTime: a.updateTime,
  };
  const positions = [];
  for (const m of markets) {
    const p = a.positions.get(m.id);
    if (!p || (p.contracts === 0 && !v2)) continue;
    const mark = core.mark(a.venue, m.id);
    const lev = core.leverageOf(a, m.id);
    const row: Record<string, unknown> = {
      symbol: m.id, positionSide: 'BOTH', positionAmt: qty(m, p.contracts), unrealizedProfit: dec(p.contracts * (mark - p.entryPrice)),
      isolatedMargin: '0', notional: dec(p.contracts * mark), isolatedWallet: '0',
      initialMargin: dec((Math.abs(p.contracts) * mark) / lev), maintMargin: dec(Math.abs(p.contracts) * mark * maintRatio(m)),
      updateTime: p.updateTime,
    };
    if (v2) Object.assign(row, { leverage: String(lev), entryPrice: dec(p.entryPrice), isolated: false, maxNotional: String(notionalCap(m)) });
    positions.push(row);
  }
  const view: Record<string, unknown> = {
    totalInitialMargin: dec(used), totalMaintMargin: dec(t.maintMargin), totalWalletBalance: dec(a.balance),
    totalUnrealizedProfit: dec(t.unrealized), totalMarginBalance: dec(equity), totalPositionInitialMargin: dec(t.positionMargin),
    totalOpenOrderInitialMargin: dec(t.orderMargin), totalCrossWalletBalance: dec(a.balance), totalCrossUnPnl: dec(t.unrealized),
    availableBalance: dec(available), maxWithdrawAmount: dec(Math.min(available, a.balance)), assets: [asset], positions,
  };
  if (v2) Object.assign(view, { feeTier: 0, canTrade: true, canDeposit: true, canWithdraw: true, updateTime: 0, multiAssetsMargin: false, tradeGroupId: -1 });
  return view;
}

/** One entry of GET /fapi/v1/leverageBracket. */
export function bracketView(m: SimMarket) {
  return {
    symbol: m.id, notionalCoef: 1,
    brackets: [{ bracket: 1, initialLeverage: m.maxLeverage, notionalCap: notionalCap(m), notionalFloor: 0, maintMarginRatio: maintRatio(m), cum: 0 }],
  };
}
