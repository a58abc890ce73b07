// State the Hyperliquid layer keeps beside the core: address <-> account lookups, the bounded fill log
// per account, per-coin stats (volume, open interest) and signer nonces. Positions and orders stay in the core.
import { marketsOf, type SimAccount, type SimFill, type SimMarket, type SimOrder, type VenueContext } from '../core';
import { fillOf, type CoinStats, type HlFill } from './format';
import { NonceGuard } from './nonces';

/** The venue answers userFills with at most the 2,000 most recent fills. */
export const FILLS_KEPT_PER_ACCOUNT = 2000;

export class HyperliquidState {
  readonly ctx: VenueContext;
  /** Markets by asset index. */
  readonly markets: SimMarket[];
  readonly nonces = new NonceGuard();
  /** > 0 while an /exchange order is being placed: fills then are taker fills ("crossed"). */
  placing = 0;
  private readonly fills = new Map<string, HlFill[]>();
  private readonly stats = new Map<string, CoinStats>();

  constructor(ctx: VenueContext) {
    this.ctx = ctx;
    this.markets = [];
    for (const m of marketsOf('hyperliquid')) this.markets[m.index] = m;
    for (const m of this.markets) {
      if (m) this.stats.set(m.id, { openInterest: 0, dayNtlVlm: 0, prevDayPx: ctx.core.mark('hyperliquid', m.id) });
    }
  }

  get core() {
    return this.ctx.core;
  }

  /** The core account behind a venue address, if the address is a known Hyperliquid user. */
  accountOf(address: string): SimAccount | undefined {
    const cred = this.ctx.credentials.hyperliquid(address);
    const a = cred && this.ctx.core.accounts.get(cred.id);
    return a && a.venue === 'hyperliquid' ? a : undefined;
  }

  /** Lower-case 0x address of an account, if credentials were issued for it. */
  addressOf(accountId: string): string | undefined {
    const cred = this.ctx.credentials.of(accountId);
    return cred && cred.venue === 'hyperliquid' ? cred.address.toLowerCase() : undefined;
  }

  marketByAsset(asset: number): SimMarket | undefined {
    return Number.isInteger(asset) ? this.markets[asset] : undefined;
  }

  coinStats(coin: string): CoinStats {
    let s = this.stats.get(coin);
    if (!s) this.stats.set(coin, (s = { openInterest: 0, dayNtlVlm: 0, prevDayPx: 0 }));
    return s;
  }

  /** Turn a core fill into the venue's fill, keep it for userFills and update coin stats. */
  recordFill(a: SimAccount, o: SimOrder, f: SimFill): HlFill {
    const m = this.core.market('hyperliquid', f.symbolId);
    const after = this.core.position(a, f.symbolId).contracts;
    const fill = fillOf(f, o, m, after, this.placing > 0);
    const signed = f.side === 'buy' ? f.amount : -f.amount;
    const s = this.coinStats(m.id);
    s.dayNtlVlm += f.amount * f.price;
    s.openInterest = Math.max(0, s.openInterest + Math.abs(after) - Math.abs(after - signed));
    let list = this.fills.get(a.id);
    if (!list) this.fills.set(a.id, (list = []));
    list.push(fill);
    if (list.length > 2 * FILLS_KEPT_PER_ACCOUNT) list.splice(0, list.length - FILLS_KEPT_PER_ACCOUNT);
    return fill;
  }

  /** Most recent fills first, at most FILLS_KEPT_PER_ACCOUNT. */
  recentFills(accountId: string): HlFill[] {
    const list = this.fills.get(accountId);
    return list ? list.slice(-FILLS_KEPT_PER_ACCOUNT).reverse() : [];
  }

  /** Fills with startTime <= time <= endTime, oldest first, at most FILLS_KEPT_PER_ACCOUNT. */
  fillsBetween(accountId: string, startTime: number, endTime: number): HlFill[] {
    const list = this.fills.get(accountId) ?? [];
    return list.filter((f) => f.time >= startTime && f.time <= endTime).slice(0, FILLS_KEPT_PER_ACCOUNT);
  }
}
