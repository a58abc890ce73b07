// The TradingView strategies (whales of kind tradingview) held in memory for the webhook path: ticker
// maps, and a proof of the last verified secret (an HMAC under a per-process key, never the secret),
// so a known strategy is checked without the database. Refreshed when the API changes a whale.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Whale, WhaleRepository } from '../store';
import { normalizeTickerMap } from './ticker';

export interface Strategy {
  readonly id: string;
  readonly name: string;
  /** Upper-cased ticker map. */
  readonly tickers: ReadonlyMap<string, string>;
}

export type StrategyStore = Pick<WhaleRepository, 'list' | 'get' | 'verifyTradingViewSecret'>;

const toStrategy = (whale: Whale): Strategy => ({ id: whale.id, name: whale.name, tickers: normalizeTickerMap(whale.tickerMap) });

export class StrategyRegistry {
  private readonly strategies = new Map<string, Strategy>();
  /** HMAC(processKey, secret) of the secret last verified against the store, per strategy. */
  private readonly proofs = new Map<string, Buffer>();
  /** Bumped on every refresh, so a store check that raced a secret rotation is not cached. */
  private readonly generations = new Map<string, number>();
  private readonly processKey = randomBytes(32);

  constructor(private readonly whales: StrategyStore) {}

  /** Loads every TradingView whale (boot). */
  async load(): Promise<void> {
    for (const whale of await this.whales.list()) if (whale.kind === 'tradingview') this.strategies.set(whale.id, toStrategy(whale));
  }

  /** The whale was created or changed: reload it and forget its verified secret. */
  async refresh(id: string): Promise<void> {
    this.forgetProof(id);
    const whale = await this.whales.get(id);
    if (whale?.kind === 'tradingview') this.strategies.set(id, toStrategy(whale));
    else this.strategies.delete(id);
  }

  remove(id: string): void {
    this.forgetProof(id);
    this.strategies.delete(id);
  }

  get(id: string): Strategy | undefined {
    return this.strategies.get(id);
  }

  ids(): IterableIterator<string> {
    return this.strategies.keys();
  }

  /**
   * Whether `presented` is the strategy's secret: decided in memory (constant time) once the secret
   * was verified; otherwise asks the store (keyed hash, constant time) and remembers a success.
   */
  verify(id: string, presented: string): boolean | Promise<boolean> {
    const proof = createHmac('sha256', this.processKey).update(presented).digest();
    const known = this.proofs.get(id);
    if (known !== undefined) return timingSafeEqual(known, proof);
    const generation = this.generations.get(id) ?? 0;
    return this.whales.verifyTradingViewSecret(id, presented).then((ok) => {
      if (ok && (this.generations.get(id) ?? 0) === generation && this.strategies.has(id)) this.proofs.set(id, proof);
      return ok;
    });
  }

  private forgetProof(id: string): void {
    this.proofs.delete(id);
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }
}
