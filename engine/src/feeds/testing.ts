// Test support for the feeds' integration tests: a deadline helper and trading as an account on the
// venue simulator through real ccxt. Test-only; nothing in the engine imports this file.
import { startVenueSimulator, type VenueSimulator } from '../../../scripts/venue/server';
import { clientFor, createWhaleAccount, type WhaleAccount } from '../../../scripts/whales/runner';
import type { PositionBook } from './types';

/** Polls `condition` until it is truthy or the deadline passes (then throws with `what`). */
export async function waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 8000, intervalMs = 10): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await Bun.sleep(intervalMs);
  }
}

/** Plain {symbol: contracts} of a book, for equality assertions. */
export function contractsOf(book: PositionBook): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [symbol, p] of book) out[symbol] = p.contracts;
  return out;
}

export function sameContracts(book: PositionBook, expected: Record<string, number>): boolean {
  return JSON.stringify(sortKeys(contractsOf(book))) === JSON.stringify(sortKeys(expected));
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export type SimVenue = WhaleAccount['venue'];

/** One account on the simulator with a ccxt client that trades as it. */
export class SimTrader {
  private constructor(
    readonly sim: VenueSimulator,
    readonly account: WhaleAccount,
    private readonly ex: ReturnType<typeof clientFor>,
  ) {}

  static async create(sim: VenueSimulator, venue: SimVenue, balance = 1_000_000): Promise<SimTrader> {
    const account = await createWhaleAccount(sim, venue, balance);
    const ex = clientFor(sim, account);
    await ex.loadMarkets();
    return new SimTrader(sim, account, ex);
  }

  get venue(): SimVenue {
    return this.account.venue;
  }

  /** The feed account (read-only view) of this simulator account. */
  get feedAccount() {
    return this.account.venue === 'binanceusdm'
      ? ({ venue: 'binanceusdm', apiKey: this.account.apiKey, secret: this.account.secret } as const)
      : ({ venue: 'hyperliquid', address: this.account.address } as const);
  }

  get baseUrl(): string {
    return this.account.venue === 'binanceusdm' ? this.sim.binanceUrl : this.sim.hyperliquidUrl;
  }

  /** A market order; on Hyperliquid priced at the current mark (ccxt needs a reference price). */
  async market(symbol: string, side: 'buy' | 'sell', amount: number, params: Record<string, unknown> = {}): Promise<void> {
    let price: number | undefined;
    if (this.venue === 'hyperliquid') {
      const marks = (await (await fetch(`${this.sim.adminUrl}/prices`)).json()) as Record<string, Record<string, number>>;
      price = marks.hyperliquid?.[symbol];
      if (price === undefined) throw new Error(`no hyperliquid mark for ${symbol}`);
    }
    await this.ex.createOrder(symbol, 'market', side, amount, price, params);
  }

  /** The account as the simulator sees it: {symbol: signed contracts}. */
  async venuePositions(): Promise<Record<string, number>> {
    const view = (await (await fetch(`${this.sim.adminUrl}/accounts/${this.account.id}`)).json()) as { positions: Array<{ symbol: string; contracts: number }> };
    return Object.fromEntries(view.positions.map((p) => [p.symbol, p.contracts]));
  }

  close(): Promise<void> {
    return this.ex.close();
  }
}

export async function fault(sim: VenueSimulator, spec: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
  if (!res.ok) throw new Error(`fault ${JSON.stringify(spec)}: ${res.status} ${await res.text()}`);
}

export { startVenueSimulator, type VenueSimulator };

/** Unified symbols of the simulator's markets per venue. */
export const SYMBOLS = {
  binanceusdm: { BTC: 'BTC/USDT:USDT', ETH: 'ETH/USDT:USDT' },
  hyperliquid: { BTC: 'BTC/USDC:USDC', ETH: 'ETH/USDC:USDC' },
} as const;
