// Table tests of the feed model: message -> row mapping (including error reports and state changes),
// the bounded newest-first list, and filtering by type, follower and whale.
import { describe, expect, test } from 'bun:test';
import type { LiveMessage } from '../../../shared/events';
import { FEED_TYPES, keepRow, prependRows, toFeedRow, type FeedRow } from './feed-model';

const cases: [string, LiveMessage, Partial<FeedRow> | undefined][] = [
  ['signal', { type: 'signal', ts: 5, whaleId: 'w', seq: 7, followerId: 'f', clientOrderId: 'c1', symbol: 'BTC/USDT:USDT', side: 'buy', amount: 0.1, reduceOnly: true, leg: 0 },
    { type: 'signal', side: 'buy', amount: 0.1, detail: 'reduce-only seq 7', clientOrderId: 'c1' }],
  ['filled report', { type: 'report', ts: 6, clientOrderId: 'c1', followerId: 'f', whaleId: 'w', symbol: 'S', side: 'sell', status: 'FILLED', filled: 0.2, avgPrice: 1, error: null },
    { type: 'report', amount: 0.2, detail: 'FILLED' }],
  ['rejected report', { type: 'report', ts: 6, clientOrderId: 'c1', followerId: 'f', whaleId: 'w', symbol: 'S', side: 'sell', status: 'REJECTED', filled: 0, avgPrice: 0, error: 'InsufficientFunds: margin' },
    { detail: 'REJECTED: InsufficientFunds: margin' }],
  ['denial', { type: 'denied', ts: 1, whaleId: 'w', followerId: 'f', symbol: 'S', reason: 'halted', detail: '' }, { type: 'denied', detail: 'halted', amount: null }],
  ['skip', { type: 'skipped', ts: 1, whaleId: 'w', followerId: 'f', symbol: 'S', reason: 'below_minimum', carried: 0.0004 }, { type: 'skipped', amount: 0.0004 }],
  ['follower state', { type: 'state', ts: 1, scope: 'follower', id: 'f9', state: 'halted' }, { type: 'state', followerId: 'f9', detail: 'follower halted' }],
  ['whale book is no row', { type: 'whale', ts: 1, whaleId: 'w', positions: [] }, undefined],
  ['dropped notice is no row', { type: 'dropped', count: 3 }, undefined],
];
test.each(cases)('toFeedRow: %s', (_name, message, expected) => {
  const row = toFeedRow(message);
  if (expected === undefined) expect(row).toBeUndefined();
  else expect(row).toMatchObject(expected);
});

test('rows get unique keys', () => {
  const m: LiveMessage = { type: 'denied', ts: 1, whaleId: 'w', followerId: 'f', symbol: 'S', reason: 'r', detail: '' };
  expect(toFeedRow(m)!.key).not.toBe(toFeedRow(m)!.key);
});

describe('prependRows', () => {
  const row = (n: number) => ({ key: `k${n}`, ts: n }) as FeedRow;
  test.each([
    [[], [1, 2], 5, [2, 1]],
    [[3, 2, 1], [4], 3, [4, 3, 2]],
    [[2, 1], [3, 4, 5, 6, 7], 3, [7, 6, 5]],
    [[1], [], 3, [1]],
  ])('%p + %p (limit %p) -> %p', (existing, incoming, limit, expected) => {
    expect(prependRows(existing.map(row), incoming.map(row), limit).map((r) => r.ts)).toEqual(expected);
  });
});

test.each([
  ['all types', { types: new Set(FEED_TYPES) }, true],
  ['type filtered out', { types: new Set(['report'] as const) }, false],
  ['own follower', { types: new Set(FEED_TYPES), followerId: 'f' }, true],
  ['other follower', { types: new Set(FEED_TYPES), followerId: 'g' }, false],
  ['other whale', { types: new Set(FEED_TYPES), whaleId: 'x' }, false],
] as const)('keepRow: %s', (_name, filter, kept) => {
  const row = toFeedRow({ type: 'signal', ts: 1, whaleId: 'w', seq: 1, followerId: 'f', clientOrderId: 'c', symbol: 'S', side: 'buy', amount: 1, reduceOnly: false, leg: 1 })!;
  expect(keepRow(row, filter)).toBe(kept);
});
