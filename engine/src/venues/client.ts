// Builds ccxt.pro clients for the venues the engine trades, pointed at the real venues or at any base URL
// (the venue simulator). The only place that knows how ccxt's endpoint overrides are spelled.
import ccxt from 'ccxt';
import { describeOnce } from './describe-once';

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
          ws: { future: `${ws}/ws`, 'ws-api': { future: `${ws}/ws-fapi/v1` } },
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

/** The Binance API groups of a USD-M futures account: REST fapi v1-v3 (public, private) and fapi data. */
const USDM_API_GROUP = /^fapi/;

/**
 * ccxt.pro's binanceusdm with only the USD-M futures part of Binance's endpoint table. ccxt defines a method
 * per endpoint on every instance, and the engine holds one instance per follower (feeds) and the executors
 * one per follower account: the spot, margin, coin-M, options and portfolio groups it never calls cost a
 * third of the construction time and two thirds of each instance's heap (scripts/bench/ccxt-instance.ts).
 * Its description is built once per process (describe-once.ts): construction 7.43 -> 2.38 ms.
 */
class BinanceUsdmClient extends ccxt.pro.binanceusdm {
  override describe(): BinanceDescription {
    return binanceDescription(() => {
      const d = super.describe() as BinanceDescription & { api: Record<string, unknown> };
      return { ...d, api: Object.fromEntries(Object.entries(d.api).filter(([group]) => USDM_API_GROUP.test(group))) };
    });
  }
}

type BinanceDescription = ReturnType<InstanceType<typeof ccxt.pro.binanceusdm>['describe']>;

/** Built on the first construction; endpoint and error tables shared (read-only), the rest copied per instance. */
let describeBinance: (() => BinanceDescription) | undefined;
function binanceDescription(compute: () => BinanceDescription): BinanceDescription {
  describeBinance ??= describeOnce(compute, ['api', 'exceptions', 'httpExceptions']);
  return describeBinance();
}

/** A ready ccxt.pro client; call `prepareClient` before the first watch* on a plain ws:// URL. */
export function createClient(venue: CcxtVenue, opts: ClientOptions = {}): ProClient {
  const Ctor = venue === 'binanceusdm' ? BinanceUsdmClient : ccxt.pro.hyperliquid;
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
