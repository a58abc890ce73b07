// Hyperliquid wire shapes built from core state: decimal strings, universe and asset contexts,
// clearinghouseState, order and fill objects. Pure formatting; never changes core state.
import type { MatchingCore, OrderStatus, SimAccount, SimFill, SimMarket, SimOrder } from '../core';

/** Venue-style decimal: at most `maxDecimals`, trailing zeros trimmed, always one decimal ("60000.0"). */
export function decimal(x: number, maxDecimals: number): string {
  if (!Number.isFinite(x)) return '0.0';
  let s = x.toFixed(maxDecimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '.0');
  else s += '.0';
  return s === '-0.0' ? '0.0' : s;
}

const USD_DECIMALS = 6;
const PX_DECIMALS = 6;
export const usd = (x: number) => decimal(x, USD_DECIMALS);
export const px = (x: number) => decimal(x, PX_DECIMALS);
export const size = (m: SimMarket, x: number) => decimal(x, m.quantityPrecision);

/** Smallest price increment at `mark`: the tick, or the 5th significant figure when that is coarser. */
export const priceStep = (m: SimMarket, mark: number) => Math.max(m.tickSize, 10 ** (Math.floor(Math.log10(mark)) - 4));

/** Maintenance margin rate: half the initial margin at maximum leverage. */
export const maintenanceRate = (m: SimMarket) => 1 / (2 * m.maxLeverage);

export function universeEntry(m: SimMarket) {
  return { szDecimals: m.quantityPrecision, name: m.id, maxLeverage: m.maxLeverage, marginTableId: m.maxLeverage };
}

export interface CoinStats {
  openInterest: number;
  dayNtlVlm: number;
  prevDayPx: number;
}

export function assetCtx(m: SimMarket, mark: number, stats: CoinStats) {
  return {
    funding: '0.0', openInterest: size(m, stats.openInterest), prevDayPx: px(stats.prevDayPx), dayNtlVlm: usd(stats.dayNtlVlm),
    premium: '0.0', oraclePx: px(mark), markPx: px(mark), midPx: px(mark), impactPxs: [px(mark - priceStep(m, mark)), px(mark + priceStep(m, mark))],
    dayBaseVlm: size(m, stats.dayNtlVlm / mark),
  };
}

/** clearinghouseState of one account; undefined (unknown user) gives the venue's empty state. */
export function clearinghouseState(core: MatchingCore, a: SimAccount | undefined, time: number) {
  const rows: { m: SimMarket; c: number; entry: number; mark: number; lev: number; upnl: number; maint: number }[] = [];
  let ntl = 0, marginUsed = 0, maint = 0, signedNtl = 0;
  if (a) {
    for (const p of a.positions.values()) {
      if (p.contracts === 0) continue;
      const m = core.market('hyperliquid', p.symbolId);
      const mark = core.mark('hyperliquid', p.symbolId);
      const lev = core.leverageOf(a, p.symbolId);
      const value = Math.abs(p.contracts) * mark;
      const row = { m, c: p.contracts, entry: p.entryPrice, mark, lev, upnl: p.contracts * (mark - p.entryPrice), maint: value * maintenanceRate(m) };
      rows.push(row);
      ntl += value;
      signedNtl += p.contracts * mark;
      marginUsed += value / lev;
      maint += row.maint;
    }
  }
  const equity = a ? core.equity(a) : 0;
  const summary = { accountValue: usd(equity), totalNtlPos: usd(ntl), totalRawUsd: usd(equity - signedNtl), totalMarginUsed: usd(marginUsed) };
  const assetPositions = rows.map((r) => {
    const value = Math.abs(r.c) * r.mark;
    const initial = (Math.abs(r.c) * r.entry) / r.lev;
    return {
      type: 'oneWay',
      position: {
        coin: r.m.id, szi: size(r.m, r.c), leverage: { type: 'cross', value: r.lev }, entryPx: px(r.entry),
        positionValue: usd(value), unrealizedPnl: usd(r.upnl), returnOnEquity: decimal(initial > 0 ? r.upnl / initial : 0, 8),
        liquidationPx: liquidationPx(r.c, r.entry, maintenanceRate(r.m), equity - r.upnl, maint - r.maint),
        marginUsed: usd(value / r.lev), maxLeverage: r.m.maxLeverage,
        cumFunding: { allTime: '0.0', sinceOpen: '0.0', sinceChange: '0.0' },
      },
    };
  });
  return {
    marginSummary: summary, crossMarginSummary: { ...summary }, crossMaintenanceMarginUsed: usd(maint),
    withdrawable: usd(a ? Math.max(0, equity - core.usedMargin(a)) : 0), assetPositions, time,
  };
}

/**
 * Cross liquidation price of one position: the mark p where account value equals maintenance margin,
 * other positions held at their marks. `rest` = account value without this position's PnL.
 */
export function liquidationPx(c: number, entry: number, mmr: number, rest: number, otherMaint: number): string | null {
  const p = (otherMaint - rest + c * entry) / (c - Math.abs(c) * mmr);
  return Number.isFinite(p) && p > 0 ? px(p) : null;
}

/** Core order status -> the venue's order status word. */
export function orderStatusWord(s: OrderStatus): string {
  switch (s) {
    case 'new':
    case 'partially_filled':
      return 'open';
    case 'filled':
      return 'filled';
    case 'canceled':
      return 'canceled';
    case 'expired':
      return 'iocCancelRejected';
    case 'rejected':
      return 'rejected';
  }
}

const TIF_WORD = { GTC: 'Gtc', IOC: 'Ioc', ALO: 'Alo' } as const;

/** Order as openOrders and orderUpdates carry it. */
export function basicOrder(o: SimOrder, m: SimMarket) {
  const out: Record<string, unknown> = {
    coin: m.id, side: o.side === 'buy' ? 'B' : 'A', limitPx: px(o.price), sz: size(m, Math.max(0, o.amount - o.filled)),
    oid: o.id, timestamp: o.timestamp, origSz: size(m, o.amount),
  };
  if (o.clientOrderId) out.cloid = o.clientOrderId;
  return out;
}

/** Order as orderStatus, frontendOpenOrders and historicalOrders carry it. */
export function frontendOrder(o: SimOrder, m: SimMarket) {
  return {
    ...basicOrder(o, m), triggerCondition: 'N/A', isTrigger: false, triggerPx: '0.0', children: [], isPositionTpsl: false,
    reduceOnly: o.reduceOnly, orderType: 'Limit', tif: TIF_WORD[o.tif], cloid: o.clientOrderId || null,
  };
}

export function orderWithStatus(o: SimOrder, order: Record<string, unknown>) {
  return { order, status: orderStatusWord(o.status), statusTimestamp: o.updateTime };
}

export interface HlFill {
  coin: string;
  px: string;
  sz: string;
  side: 'B' | 'A';
  time: number;
  startPosition: string;
  dir: string;
  closedPnl: string;
  hash: string;
  oid: number;
  crossed: boolean;
  fee: string;
  tid: number;
  feeToken: 'USDC';
  cloid?: string;
}

/** "Open Long", "Close Short", "Long > Short" ...: what a signed fill did to the position it started from. */
export function fillDirection(start: number, signed: number): string {
  const after = start + signed;
  if (start === 0 || Math.sign(start) === Math.sign(signed)) return signed > 0 ? 'Open Long' : 'Open Short';
  if (start > 0) return after < -1e-12 ? 'Long > Short' : 'Close Long';
  return after > 1e-12 ? 'Short > Long' : 'Close Short';
}

export function fillOf(f: SimFill, o: SimOrder, m: SimMarket, positionAfter: number, crossed: boolean): HlFill {
  const signed = f.side === 'buy' ? f.amount : -f.amount;
  const start = positionAfter - signed;
  const out: HlFill = {
    coin: m.id, px: px(f.price), sz: size(m, f.amount), side: f.side === 'buy' ? 'B' : 'A', time: f.timestamp,
    startPosition: size(m, start), dir: fillDirection(start, signed), closedPnl: usd(f.realizedPnl),
    hash: '0x' + f.tradeId.toString(16).padStart(64, '0'), oid: f.orderId, crossed, fee: usd(f.fee), tid: f.tradeId,
    feeToken: 'USDC',
  };
  if (o.clientOrderId) out.cloid = o.clientOrderId;
  return out;
}
