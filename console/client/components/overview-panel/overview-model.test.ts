// Tests of the overview tiles (sums and maxima across shards, missing fields) and hop ordering.
import { expect, test } from 'bun:test';
import { hopsOf, tilesOf } from './overview-model';

test('tiles sum dead letters and pending, take the worst lag', () => {
  const tiles = tilesOf({
    feeds: { connected: 2, total: 3 }, whales: 4, followers: 10, followersOnline: 7, ordersPerSec: 12.5, latency: {},
    shards: [{ shard: 0, length: 5, pending: 1, lag: 3, deadLetters: 2 }, { shard: 1, length: 0, pending: 4, lag: 9, deadLetters: 0 }],
  });
  expect(tiles).toEqual({ feeds: '2 / 3', whales: 4, followersOnline: '7 / 10', ordersPerSec: 12.5, maxLag: 9, deadLetters: 2, pending: 5 });
});

test('an empty overview gives zeros, never NaN', () => {
  expect(tilesOf({} as never)).toEqual({ feeds: '0 / 0', whales: 0, followersOnline: '0 / 0', ordersPerSec: 0, maxLag: 0, deadLetters: 0, pending: 0 });
});

test('hops in pipeline order, unknown ones last', () => {
  const latency = Object.fromEntries(['zz_custom', 'end_to_end', 'venue_to_rx', 'rx_to_diff'].map((h) => [h, { p50Ms: 1, p99Ms: 2 }]));
  expect(hopsOf({ latency } as never)).toEqual(['venue_to_rx', 'rx_to_diff', 'end_to_end', 'zz_custom']);
});
