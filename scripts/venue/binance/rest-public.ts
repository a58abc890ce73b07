// Public (unsigned) Binance USD-M REST endpoints: exchangeInfo, time, ping, 24hr / price / book tickers,
// premiumIndex (mark price) and depth. Reads core marks and MarketStats; never touches accounts.
import type { RateLimitConfig, SimMarket, VenueContext } from '../core';
import { BinanceApiError, jsonResponse } from './errors';
import { FUNDING_RATE, nextFundingTime } from './events';
import { px, qty } from './format';
import type { Params } from './sign';
import type { MarketStat, MarketStats } from './stats';

export type PublicRoute = (params: Params) => Response;

const ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'];
const step = (x: number) => String(x);

function symbolInfo(m: SimMarket) {
  const band = m.priceBand;
  return {
    symbol: m.id, pair: m.id, contractType: 'PERPETUAL', deliveryDate: 4133404800000, onboardDate: 1569398400000,
    status: 'TRADING', maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000', baseAsset: m.base,
    quoteAsset: m.quote, marginAsset: m.quote, pricePrecision: m.pricePrecision, quantityPrecision: m.quantityPrecision,
    baseAssetPrecision: 8, quotePrecision: 8, underlyingType: 'COIN', underlyingSubType: [], triggerProtect: '0.0500',
    liquidationFee: '0.012500', marketTakeBound: String(band),
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: step(m.tickSize * 10), maxPrice: step(m.initialPrice * 100), tickSize: step(m.tickSize) },
      { filterType: 'LOT_SIZE', minQty: step(m.minQty), maxQty: step(m.maxQty), stepSize: step(m.stepSize) },
      { filterType: 'MARKET_LOT_SIZE', minQty: step(m.minQty), maxQty: step(m.marketMaxQty), stepSize: step(m.stepSize) },
      { filterType: 'MAX_NUM_ORDERS', limit: 200 },
      { filterType: 'MAX_NUM_ALGO_ORDERS', limit: 10 },
      { filterType: 'MIN_NOTIONAL', notional: step(m.minNotional) },
      { filterType: 'PERCENT_PRICE', multiplierUp: (1 + band).toFixed(4), multiplierDown: (1 - band).toFixed(4), multiplierDecimal: '4' },
    ],
    orderTypes: ORDER_TYPES, timeInForce: ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'],
  };
}

function rateLimits(c: RateLimitConfig) {
  return [
    { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
    { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: Math.max(1, Math.round(c.refillPerSec * 60)) },
    { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: Math.max(1, Math.round(c.refillPerSec * 10)) },
  ];
}

export function createPublicRoutes(ctx: VenueContext, stats: MarketStats): Record<string, PublicRoute> {
  const markets = stats.markets;
  const symbolsJson = JSON.stringify(markets.map(symbolInfo));
  const assetsJson = JSON.stringify([{ asset: 'USDT', marginAvailable: true, autoAssetExchange: '-10000' }]);
  let limitsFor: RateLimitConfig | undefined;
  let limitsJson = '';

  const one = (params: Params): MarketStat | undefined => {
    const id = params.symbol;
    if (id === undefined) return undefined;
    const s = stats.get(id);
    if (!s) throw new BinanceApiError(-1121, 'Invalid symbol.');
    return s;
  };
  /** Binance answers an object for ?symbol= and an array of every market without it. */
  const each = (params: Params, view: (s: MarketStat, now: number) => unknown): Response => {
    const now = ctx.core.now();
    const s = one(params);
    return jsonResponse(JSON.stringify(s ? view(s, now) : [...stats.all()].map((x) => view(x, now))));
  };

  const ticker24 = (s: MarketStat, now: number) => {
    const m = s.m;
    const last = stats.mark(s);
    return {
      symbol: m.id, priceChange: px(m, last - s.open), priceChangePercent: (((last - s.open) / s.open) * 100).toFixed(3),
      weightedAvgPrice: px(m, s.volume > 0 ? s.quoteVolume / s.volume : last), lastPrice: px(m, last),
      lastQty: qty(m, s.lastQty), openPrice: px(m, s.open), highPrice: px(m, Math.max(s.high, last)),
      lowPrice: px(m, Math.min(s.low, last)), volume: qty(m, s.volume), quoteVolume: s.quoteVolume.toFixed(2),
      openTime: s.openTime, closeTime: now, firstId: s.firstId, lastId: s.lastId, count: s.count,
    };
  };
  const premium = (s: MarketStat, now: number) => {
    const mark = stats.mark(s).toFixed(8);
    return {
      symbol: s.m.id, markPrice: mark, indexPrice: mark, estimatedSettlePrice: mark, lastFundingRate: FUNDING_RATE,
      interestRate: FUNDING_RATE, nextFundingTime: nextFundingTime(now), time: now,
    };
  };
  const book = (s: MarketStat, now: number) => {
    const [bid, ask] = stats.bidAsk(s);
    const depth = qty(s.m, s.m.marketMaxQty);
    return { symbol: s.m.id, bidPrice: px(s.m, bid), bidQty: depth, askPrice: px(s.m, ask), askQty: depth, time: now, lastUpdateId: s.updateId };
  };

  return {
    '/fapi/v1/ping': () => jsonResponse('{}'),
    '/fapi/v1/time': () => jsonResponse(`{"serverTime":${Date.now()}}`),
    '/fapi/v1/exchangeInfo': () => {
      if (limitsFor !== ctx.limiter.config) {
        limitsFor = ctx.limiter.config;
        limitsJson = JSON.stringify(rateLimits(limitsFor));
      }
      return jsonResponse(
        `{"timezone":"UTC","serverTime":${Date.now()},"futuresType":"U_MARGINED","rateLimits":${limitsJson},` +
          `"exchangeFilters":[],"assets":${assetsJson},"symbols":${symbolsJson}}`,
      );
    },
    '/fapi/v1/ticker/24hr': (p) => each(p, ticker24),
    '/fapi/v1/ticker/price': (p) => each(p, (s, now) => ({ symbol: s.m.id, price: px(s.m, stats.mark(s)), time: now })),
    '/fapi/v2/ticker/price': (p) => each(p, (s, now) => ({ symbol: s.m.id, price: px(s.m, stats.mark(s)), time: now })),
    '/fapi/v1/ticker/bookTicker': (p) => each(p, book),
    '/fapi/v1/premiumIndex': (p) => each(p, premium),
    '/fapi/v1/depth': (p) => {
      const s = one(p);
      if (!s) throw new BinanceApiError(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
      const b = book(s, ctx.core.now());
      const now = ctx.core.now();
      return jsonResponse(JSON.stringify({ lastUpdateId: s.updateId, E: now, T: now, bids: [[b.bidPrice, b.bidQty]], asks: [[b.askPrice, b.askQty]] }));
    },
  };
}
