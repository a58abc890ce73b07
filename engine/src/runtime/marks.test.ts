import { expect, test } from 'bun:test';
import { MarkBook } from './marks';

test('marks by symbol, falling back to the same base on another venue, ignoring nonsense', () => {
  const m = new MarkBook();
  expect(m.get('hyperliquid', 'BTC/USDC:USDC')).toBeUndefined();
  m.set('binanceusdm', 'BTC/USDT:USDT', 60000);
  expect(m.get('hyperliquid', 'BTC/USDC:USDC')).toBe(60000);
  m.set('hyperliquid', 'BTC/USDC:USDC', 60010);
  expect(m.get('hyperliquid', 'BTC/USDC:USDC')).toBe(60010);
  expect(m.get('binanceusdm', 'BTC/USDT:USDT')).toBe(60000);
  m.set('binanceusdm', 'BTC/USDT:USDT', Number.NaN);
  m.set('binanceusdm', 'BTC/USDT:USDT', -1);
  expect(m.get('binanceusdm', 'BTC/USDT:USDT')).toBe(60000);
});
