// The ccxt instances of the executor: one per follower account, created lazily, ccxt's own throttle off,
// every instance of a venue sharing ONE market table loaded once (setMarketsFromExchange), and each Binance
// account's WebSocket API connection for orders opened with it.
import { DuplicateOrderId } from 'ccxt';
import type { Venue } from '../model';
import { createClient, prepareClient, type ProClient, type VenueCredentials } from '../venues';
import { SocketOpenBudget, attachOrderSocket } from './binance-order-socket';
import { CredentialsVenueMismatchError } from './errors';
import { useNativeHmac } from './native-hmac';
import type { CredentialsLookup, FollowerCredentials } from './types';

export interface ClientPoolOptions {
  /** Base URL per venue (the simulator); unset = the real venue. */
  readonly venueUrls: Readonly<Partial<Record<Venue, string>>>;
  readonly credentials: CredentialsLookup;
  /** ccxt request timeout of order instances. */
  readonly timeoutMs: number;
  /** Binance recvWindow: a lost order request cannot execute later than this after it was signed. */
  readonly recvWindowMs: number;
  /** 'websocket': each Binance account's orders go over its WebSocket API connection once it is open. */
  readonly binanceOrders?: BinanceOrderTransport;
  /** Order sockets this process opens in any 5 minutes (default 100; Binance allows 300 connections per IP). */
  readonly socketOpensPerFiveMinutes?: number;
}

export type BinanceOrderTransport = 'websocket' | 'rest';

export class ClientPool {
  private readonly clients = new Map<string, Promise<ProClient>>();
  private readonly ready = new Map<string, ProClient>();
  private readonly loaders = new Map<Venue, Promise<ProClient>>();
  private readonly loaded = new Map<Venue, ProClient>();

  private readonly socketBudget: SocketOpenBudget;

  constructor(private readonly options: ClientPoolOptions) {
    this.socketBudget = new SocketOpenBudget(options.socketOpensPerFiveMinutes);
  }

  /** The follower's instance (created on first use, sharing the venue's loaded market table). */
  client(followerId: string, venue: Venue): Promise<ProClient> {
    const key = `${venue}|${followerId}`;
    let pending = this.clients.get(key);
    if (pending === undefined) {
      pending = this.build(followerId, venue).then((ex) => {
        this.ready.set(key, ex);
        return ex;
      });
      pending.catch(() => this.clients.delete(key)); // a failed build is retried on the next signal
      this.clients.set(key, pending);
    }
    return pending;
  }

  /** The venue's instance without credentials that loaded the shared market table (also used for tickers). */
  loader(venue: Venue): Promise<ProClient> {
    let pending = this.loaders.get(venue);
    if (pending === undefined) {
      pending = (async () => {
        const ex = this.create(venue, undefined);
        await ex.loadMarkets();
        this.loaded.set(venue, ex);
        return ex;
      })();
      pending.catch(() => this.loaders.delete(venue));
      this.loaders.set(venue, pending);
    }
    return pending;
  }

  /** The follower's instance if it exists already (tests, diagnostics). */
  peek(followerId: string, venue: Venue): ProClient | undefined {
    return this.ready.get(`${venue}|${followerId}`);
  }

  /** Amount step of a market in the shared table (undefined if the venue or symbol is not loaded). */
  amountStep(venue: Venue, symbol: string): number | undefined {
    const step = this.loaded.get(venue)?.markets?.[symbol]?.precision?.amount;
    return typeof step === 'number' && step > 0 ? step : undefined;
  }

  get size(): number {
    return this.ready.size;
  }

  /** Closes every instance (sockets, keep-alive connections); the pool can be used again afterwards. */
  async close(): Promise<void> {
    const all = [...this.clients.values(), ...this.loaders.values()];
    this.clients.clear();
    this.ready.clear();
    this.loaders.clear();
    this.loaded.clear();
    const settled = await Promise.allSettled(all);
    await Promise.allSettled(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.close()] : [])));
  }

  private async build(followerId: string, venue: Venue): Promise<ProClient> {
    const credentials = await this.options.credentials(followerId);
    if (credentials.venue !== venue) {
      throw new CredentialsVenueMismatchError(`follower ${followerId} has ${credentials.venue} credentials, the signal is for ${venue}`, {
        ids: { followerId, venue },
      });
    }
    const loader = await this.loader(venue);
    const ex = this.create(venue, ccxtCredentials(credentials));
    ex.setMarketsFromExchange(loader);
    if (venue === 'binanceusdm' && this.options.binanceOrders === 'websocket') {
      await prepareClient(ex); // ccxt's agent set-up, which a plain ws:// URL (the simulator) needs
      attachOrderSocket(ex, this.options.timeoutMs, this.socketBudget);
    }
    return ex;
  }

  private create(venue: Venue, credentials: VenueCredentials | undefined): ProClient {
    const ex = createClient(venue, {
      baseUrl: this.options.venueUrls[venue],
      credentials,
      enableRateLimit: false,
      timeoutMs: this.options.timeoutMs,
    });
    if (venue === 'binanceusdm') {
      ex.options['recvWindow'] = this.options.recvWindowMs;
      useNativeHmac(ex as never); // every order request is signed: native HMAC-SHA256, same signature
    }
    mapDuplicateIdErrors(ex, venue);
    return ex;
  }
}

/**
 * "This client order id is already taken" must read as DuplicateOrderId (the order exists: look it up),
 * not as a rejection: ccxt maps Binance -4116 to InvalidOrder and has no entry for Hyperliquid's message.
 */
function mapDuplicateIdErrors(ex: ProClient, venue: Venue): void {
  const exceptions = ex.exceptions as { exact: Record<string, unknown>; broad: Record<string, unknown> };
  if (venue === 'binanceusdm') exceptions.exact = { ...exceptions.exact, '-4116': DuplicateOrderId };
  else exceptions.broad = { ...exceptions.broad, 'Order has duplicate cloid': DuplicateOrderId };
}

function ccxtCredentials(credentials: FollowerCredentials): VenueCredentials {
  return credentials.venue === 'binanceusdm'
    ? { apiKey: credentials.apiKey, secret: credentials.secret }
    : { walletAddress: credentials.address, privateKey: credentials.privateKey };
}
