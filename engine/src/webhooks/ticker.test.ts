// Table tests of ticker resolution: the strategy's map (exact, without prefix, without suffix) before
// the default BASEQUOTE rule, and tickers nothing maps.
import { expect, test } from 'bun:test';
import { defaultSymbolOf, normalizeTickerMap, resolveTicker, tickerVariants } from './ticker';

const map = normalizeTickerMap({ 'BTCUSDT.P': 'BTC/USDT:USDT', 'bybit:ethusdt.p': 'ETH/USDC:USDC', PEPEUSDT: '1000PEPE/USDT:USDT', BAD: 'not-a-symbol' });

test.each([
  ['BTCUSDT.P', 'BTC/USDT:USDT'],
  ['BINANCE:BTCUSDT.P', 'BTC/USDT:USDT'],
  ['binance:btcusdt.p', 'BTC/USDT:USDT'],
  ['BYBIT:ETHUSDT.P', 'ETH/USDC:USDC'],
  ['BINANCE:ETHUSDT.P', 'ETH/USDT:USDT'],
  ['PEPEUSDT.P', '1000PEPE/USDT:USDT'],
  ['BINANCE:SOLUSDT', 'SOL/USDT:USDT'],
  ['SOLUSDTPERP', 'SOL/USDT:USDT'],
  ['BTC-PERP', undefined],
  ['COINBASE:BTCUSD', 'BTC/USD:USD'],
  ['BTCUSDC.P', 'BTC/USDC:USDC'],
  ['ETHFDUSD', 'ETH/FDUSD:FDUSD'],
  ['NASDAQ:AAPL', undefined],
  ['USDT', undefined],
  ['BTC1!', undefined],
  ['BAD', undefined],
] as const)('%s -> %p', (ticker, symbol) => expect(resolveTicker(ticker, map)).toBe(symbol));

test('variants go from most to least specific without repeats', () => {
  expect(tickerVariants('BINANCE:BTCUSDT.P')).toEqual(['BINANCE:BTCUSDT.P', 'BTCUSDT.P', 'BTCUSDT']);
  expect(tickerVariants('BTCUSDT')).toEqual(['BTCUSDT']);
});

test('the default rule needs a base before a known quote', () => {
  expect(defaultSymbolOf('USDCUSDT')).toBe('USDC/USDT:USDT');
  expect(defaultSymbolOf('XUSD')).toBe('X/USD:USD');
  expect(defaultSymbolOf('B.TCUSDT')).toBeUndefined();
});
