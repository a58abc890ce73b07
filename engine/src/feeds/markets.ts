// One loaded ccxt market table per (venue, base URL), shared by every feed instance of that venue
// (a bare ccxt instance is ~410 KiB; each loading its own table would multiply that and the REST load).
import { createClient, type CcxtVenue, type ProClient } from '../venues';

/** Pass one instance to every feed of a process; feeds without one load their own table. */
export class MarketTables {
  private readonly loaders = new Map<string, Promise<ProClient>>();

  /** Forgets loaded tables (the next feed start loads afresh). */
  clear(): void {
    this.loaders.clear();
  }

  /** Number of distinct tables loaded or loading. */
  get size(): number {
    return this.loaders.size;
  }

  /** @internal Loads (once) and returns the instance holding the table; feeds copy it with setMarketsFromExchange. */
  sourceFor(venue: CcxtVenue, baseUrl: string | undefined, timeoutMs: number): Promise<ProClient> {
    const key = `${venue} ${baseUrl ?? ''}`;
    let loading = this.loaders.get(key);
    if (loading === undefined) {
      const ex = createClient(venue, { baseUrl, timeoutMs });
      loading = ex.loadMarkets().then(() => ex);
      loading.catch(() => this.loaders.delete(key));
      this.loaders.set(key, loading);
    }
    return loading;
  }
}

/** Gives `ex` its market table: from the shared tables when given, else by loading it. */
export async function loadMarketsInto(ex: ProClient, venue: CcxtVenue, baseUrl: string | undefined, timeoutMs: number, tables?: MarketTables): Promise<void> {
  if (tables === undefined) {
    await ex.loadMarkets();
    return;
  }
  const source = await tables.sourceFor(venue, baseUrl, timeoutMs);
  (ex as { setMarketsFromExchange(source: unknown): unknown }).setMarketsFromExchange(source);
}
