// Builds ccxt.pro clients for the venues the engine trades, pointed at the real venues or at any base URL
// (the venue simulator). The only place that knows how ccxt's endpoint overrides are spelled.
import ccxt from 'ccxt';

export type CcxtVenue = 'binanceusdm' | 'hyperliquid';

export type VenueCredentials =
  | { apiKey: string; secret: string }
  | { walletAddress: string; privateKey?: string }
  | Record<string, never>;

export interface ClientOptions {
  /** e.g. http://127.0.0.1:18555; unset = the real venue. */
  baseUrl?: string;
  credentials?: VenueCredentials;
  /** ccxt's own per-instance throttle (the executor turns it off and uses its own token buckets). */
  enableRateLimit?: boolean;
  timeoutMs?: number;
}

/** Constructor options for ccxt.pro[venue]; pure, so it can be tested and reused. */
export function ccxtOptions(venue: CcxtVenue, opts: ClientOptions = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    ...(opts.credentials ?? {}),
    enableRateLimit: opts.enableRateLimit ?? true,
    timeout: opts.timeoutMs ?? 10_000,
  };
  const http = opts.baseUrl?.replace(/\/+$/, '');
  const ws = http?.replace(/^http/, 'ws');
  if (venue === 'binanceusdm') {
    base.options = { fetchCurrencies: false, warnOnFetchOpenOrdersWithoutSymbol: false };
    if (http) {
      base.urls = {
        api: {
          fapiPublic: `${http}/fapi/v1`, fapiPublicV2: `${http}/fapi/v2`, fapiPublicV3: `${http}/fapi/v3`,
          fapiPrivate: `${http}/fapi/v1`, fapiPrivateV2: `${http}/fapi/v2`, fapiPrivateV3: `${http}/fapi/v3`,
          ws: { future: `${ws}/ws` },
        },
      };
    }
  } else {
    base.has = { fetchCurrencies: false };
    // builderFee false: ccxt would otherwise add its own builder fee to every order on the real venue.
    base.options = { fetchMarkets: { types: ['swap'] }, builderFee: false, approvedBuilderFee: true, refSet: true, enableUnifiedMargin: false };
    if (http) base.urls = { api: { public: http, private: http, ws: { public: `${ws}/ws` } } };
  }
  return base;
}

export type ProClient = InstanceType<typeof ccxt.pro.binanceusdm> | InstanceType<typeof ccxt.pro.hyperliquid>;

/** A ready ccxt.pro client; call `prepareClient` before the first watch* on a plain ws:// URL. */
export function createClient(venue: CcxtVenue, opts: ClientOptions = {}): ProClient {
  const Ctor = venue === 'binanceusdm' ? ccxt.pro.binanceusdm : ccxt.pro.hyperliquid;
  const ex = new Ctor(ccxtOptions(venue, opts));
  if (venue === 'binanceusdm' && opts.baseUrl) {
    // ccxt picks Binance's linear error map by URL prefix; on another host it would fall back to generic classes.
    const e = ex.exceptions as Record<string, any>;
    e.exact = { ...e.exact, ...e.linear?.exact };
    e.broad = { ...e.broad, ...e.linear?.broad };
  }
  return ex;
}

export async function prepareClient(ex: ProClient): Promise<void> {
  await ex.loadHttpProxyAgent();
}
