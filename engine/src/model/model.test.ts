// Tests of the model helpers: symbol filter semantics, signed amounts, starting sizing memos.
import { describe, expect, test } from 'bun:test';
import type { IdVenue } from '../core';
import {
  FRESH_SIZING_MEMO,
  VENUES,
  isSymbolAllowed,
  signedAmount,
  startSizingMemo,
  type SymbolFilter,
  type Venue,
} from './index';

describe('isSymbolAllowed', () => {
  const cases: Array<[string, SymbolFilter, string, string | undefined, boolean]> = [
    ['no lists: everything', {}, 'BTC/USDT:USDT', 'BTCUSDT', true],
    ['allow by unified symbol', { allow: ['BTC/USDT:USDT'] }, 'BTC/USDT:USDT', 'BTCUSDT', true],
    ['allow by venue id', { allow: ['BTCUSDT'] }, 'BTC/USDT:USDT', 'BTCUSDT', true],
    ['not in allow', { allow: ['ETH/USDT:USDT'] }, 'BTC/USDT:USDT', 'BTCUSDT', false],
    ['empty allow means none', { allow: [] }, 'BTC/USDT:USDT', 'BTCUSDT', false],
    ['deny by symbol', { deny: ['BTC/USDT:USDT'] }, 'BTC/USDT:USDT', 'BTCUSDT', false],
    ['deny by venue id', { deny: ['BTC'] }, 'BTC/USDC:USDC', 'BTC', false],
    ['deny wins over allow', { allow: ['BTC'], deny: ['BTC'] }, 'BTC/USDC:USDC', 'BTC', false],
    ['deny others only', { deny: ['ETH'] }, 'BTC/USDC:USDC', 'BTC', true],
    ['venue id unknown: symbol only', { allow: ['BTCUSDT'] }, 'BTC/USDT:USDT', undefined, false],
  ];
  test.each(cases)('%s', (_name, filter, symbol, venueId, expected) => {
    expect(isSymbolAllowed(filter, symbol, venueId)).toBe(expected);
  });
});

describe('model helpers', () => {
  test('signedAmount', () => {
    expect(signedAmount({ side: 'buy', amount: 0.5 })).toBe(0.5);
    expect(signedAmount({ side: 'sell', amount: 0.5 })).toBe(-0.5);
  });

  test('startSizingMemo waits only when the whale already holds the symbol', () => {
    expect(startSizingMemo('copy_now', 3)).toBe(FRESH_SIZING_MEMO);
    expect(startSizingMemo('wait_next_change', 0)).toBe(FRESH_SIZING_MEMO);
    expect(startSizingMemo('wait_next_change', -2)).toEqual({ sized: false, whaleContracts: -2, target: 0, fixedK: 0, waiting: true });
  });

  test('model Venue and the id encoder venue are the same union', () => {
    const fromModel: IdVenue[] = [...VENUES];
    const fromCore: Venue[] = ['binanceusdm', 'hyperliquid'] satisfies IdVenue[];
    expect(fromModel).toEqual(fromCore);
  });
});
