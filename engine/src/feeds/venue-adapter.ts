// Per-venue knowledge of the feeds: which ccxt calls read an account, whether a positions frame is a
// delta or the full state, where equity lives. Thin: no state, no retries, no engine types beyond feeds'.
import type { Venue } from '../model';
import type { ClientOptions, ProClient } from '../venues';
import type { VenueOrderLike } from './order-frame';
import type { FrameKind, VenuePositionLike } from './position-frame';
import type { VenueTradeLike } from './trade-frame';
import type { FeedAccount } from './types';

export interface VenueAdapter {
  readonly venue: Venue;
  /** binanceusdm ACCOUNT_UPDATE carries only changed symbols; hyperliquid clearinghouseState the full state. */
  readonly frameKind: FrameKind;
  /** Currency equity is counted in. */
  readonly quote: string;
  clientOptions(base: Pick<ClientOptions, 'baseUrl' | 'timeoutMs' | 'enableRateLimit'>): ClientOptions;
  /** Instance options set before the first watch*. */
  configure(ex: ProClient): void;
  watchPositions(ex: ProClient): Promise<VenuePositionLike[]>;
  watchOrders(ex: ProClient): Promise<VenueOrderLike[]>;
  /** The account's executions with fees (binanceusdm: ORDER_TRADE_UPDATE trades; hyperliquid: userFills). */
  watchMyTrades(ex: ProClient): Promise<VenueTradeLike[]>;
  fetchPositions(ex: ProClient): Promise<VenuePositionLike[]>;
  fetchEquity(ex: ProClient): Promise<number | undefined>;
  /** Equity carried by the frame just received, when the venue pushes it with positions. */
  streamEquity(ex: ProClient): number | undefined;
  /** Venue time of the frame just received (epoch ms), when the frame has one. */
  streamVenueTs(ex: ProClient, frame: readonly VenuePositionLike[]): number | undefined;
}

const finite = (x: unknown): number | undefined => {
  const n = typeof x === 'string' ? Number(x) : x;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Total (equity) of `code` in a ccxt balance structure. */
function totalOf(balance: unknown, code: string): number | undefined {
  const entry = (balance as Record<string, { total?: unknown } | undefined> | undefined)?.[code];
  return finite(entry?.total);
}

class BinanceUsdmAdapter implements VenueAdapter {
  readonly venue = 'binanceusdm' as const;
  readonly frameKind = 'delta' as const;
  readonly quote = 'USDT';

  constructor(private readonly account: Extract<FeedAccount, { venue: 'binanceusdm' }>) {}

  clientOptions(base: Pick<ClientOptions, 'baseUrl' | 'timeoutMs' | 'enableRateLimit'>): ClientOptions {
    return { ...base, credentials: { apiKey: this.account.apiKey, secret: this.account.secret } };
  }

  configure(ex: ProClient): void {
    const o = ex.options as Record<string, any>;
    // No REST snapshot inside watchPositions: its first call would return before the user stream is
    // open and lose what is pushed meanwhile. The feed takes its own snapshot once the socket is open.
    o.watchPositions = { ...(o.watchPositions ?? {}), fetchPositionsSnapshot: false, awaitPositionsSnapshot: false };
  }

  watchPositions(ex: ProClient): Promise<VenuePositionLike[]> {
    return ex.watchPositions();
  }

  watchOrders(ex: ProClient): Promise<VenueOrderLike[]> {
    return ex.watchOrders();
  }

  watchMyTrades(ex: ProClient): Promise<VenueTradeLike[]> {
    return ex.watchMyTrades();
  }

  fetchPositions(ex: ProClient): Promise<VenuePositionLike[]> {
    return ex.fetchPositions();
  }

  async fetchEquity(ex: ProClient): Promise<number | undefined> {
    return totalOf(await ex.fetchBalance(), this.quote);
  }

  /** ACCOUNT_UPDATE's balance is the wallet balance without unrealized PnL: not equity. */
  streamEquity(): number | undefined {
    return undefined;
  }

  streamVenueTs(): number | undefined {
    return undefined;
  }
}

class HyperliquidAdapter implements VenueAdapter {
  readonly venue = 'hyperliquid' as const;
  readonly frameKind = 'full' as const;
  readonly quote = 'USDC';
  private readonly params: { user: string };

  constructor(account: Extract<FeedAccount, { venue: 'hyperliquid' }>) {
    this.params = { user: account.address };
  }

  clientOptions(base: Pick<ClientOptions, 'baseUrl' | 'timeoutMs' | 'enableRateLimit'>): ClientOptions {
    return { ...base, credentials: { walletAddress: this.params.user } };
  }

  configure(): void {}

  // ccxt's subscription key ignores the user: one instance follows one address (the feed owns its instance).
  watchPositions(ex: ProClient): Promise<VenuePositionLike[]> {
    return ex.watchPositions(undefined, undefined, undefined, { ...this.params });
  }

  watchOrders(ex: ProClient): Promise<VenueOrderLike[]> {
    return ex.watchOrders(undefined, undefined, undefined, { ...this.params });
  }

  watchMyTrades(ex: ProClient): Promise<VenueTradeLike[]> {
    return ex.watchMyTrades(undefined, undefined, undefined, { ...this.params });
  }

  fetchPositions(ex: ProClient): Promise<VenuePositionLike[]> {
    return ex.fetchPositions(undefined, { ...this.params });
  }

  async fetchEquity(ex: ProClient): Promise<number | undefined> {
    return totalOf(await ex.fetchBalance({ ...this.params }), this.quote);
  }

  /** ccxt parses the frame's marginSummary.accountValue into balance.swap before resolving positions' waiters run. */
  streamEquity(ex: ProClient): number | undefined {
    return totalOf((ex.balance as Record<string, unknown> | undefined)?.swap, this.quote);
  }

  streamVenueTs(ex: ProClient): number | undefined {
    const swap = (ex.balance as Record<string, { timestamp?: unknown } | undefined> | undefined)?.swap;
    return finite(swap?.timestamp);
  }
}

export function venueAdapter(account: FeedAccount): VenueAdapter {
  return account.venue === 'binanceusdm' ? new BinanceUsdmAdapter(account) : new HyperliquidAdapter(account);
}
