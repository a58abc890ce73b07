import { describe, expect, test } from 'bun:test';
import { emptyHops, type ExecutionReport } from '../bus';
import { ManualClock } from '../core';
import type { FollowerTradeEvent } from '../feeds';
import type { FillEntry } from '../store';
import { FillRecorder, REPLAY_SLACK_MS, STREAM_SETTLE_MS } from './fill-recorder';

const T0 = 1_763_000_000_000;

function setup(liveSince = T0 - 60_000) {
  const rows: FillEntry[] = [];
  const sources: string[] = [];
  const live = { since: liveSince };
  const rec = new FillRecorder({
    appendFill: (e) => void rows.push(e), mark: () => 3000, liveSince: () => live.since, clock: new ManualClock(T0 + 5_000),
    onFill: (venue, source) => void sources.push(`${venue} ${source}`),
  });
  return { rows, sources, live, rec };
}

const trade = (over: Partial<FollowerTradeEvent> = {}): FollowerTradeEvent => ({
  followerId: 'f1', venue: 'binanceusdm', clientOrderId: 'wc-1', venueTradeId: 't1', venueOrderId: 'o1', symbol: 'ETH/USDT:USDT',
  side: 'buy', amount: 0.5, price: 3001, fee: 0.75, feeCurrency: 'USDT', venueTs: T0 + 10, rxTs: T0 + 12, ...over,
});

const report = (over: Partial<ExecutionReport> = {}): ExecutionReport => ({
  clientOrderId: 'wc-1', followerId: 'f1', whaleId: 'w1', venue: 'binanceusdm', symbol: 'ETH/USDT:USDT', side: 'buy', status: 'filled',
  requestedAmount: '1', filledAmount: '1', avgPrice: '3001', venueOrderId: 'o1', errorClass: '', errorMessage: '', attempts: 1,
  hops: { ...emptyHops(), diffDoneMs: T0, venueAckMs: T0 + 11 }, shard: 0, ...over,
});

describe('FillRecorder', () => {
  test('trades from the stream are the fills, with their fees; with the stream live since before the order, its report adds nothing', () => {
    const t = setup(T0 - STREAM_SETTLE_MS);
    t.rec.onReport(report());
    t.rec.onTrade(trade());
    t.rec.onTrade(trade({ venueTradeId: 't2', price: 3003, fee: 0.76 }));
    t.rec.onReport(report());
    expect(t.rows.map((r) => [r.venueTradeId, r.amount, r.price, r.fee, r.feeCurrency])).toEqual([['t1', 0.5, 3001, 0.75, 'USDT'], ['t2', 0.5, 3003, 0.76, 'USDT']]);
    expect(t.sources).toEqual(['binanceusdm trade', 'binanceusdm trade']);
  });

  test('the stream was down, reconnected after the order was made or just before it: the report writes the fill (fee unknown)', () => {
    for (const since of [T0 - STREAM_SETTLE_MS + 1, T0 + 1, Number.POSITIVE_INFINITY]) {
      const t = setup(since);
      t.rec.onReport(report());
      expect(t.rows).toEqual([{
        clientOrderId: 'wc-1', followerId: 'f1', venue: 'binanceusdm', symbol: 'ETH/USDT:USDT', side: 'buy', amount: 1, price: 3001, fee: 0,
        venueTradeId: 'order-o1', ts: T0 + 11,
      }]);
      expect(t.sources).toEqual(['binanceusdm report']);
    }
  });

  test('recent fills replayed by the venue on a (re)subscribe are not journaled again; late trades within the slack are', () => {
    const t = setup(T0 - STREAM_SETTLE_MS);
    const started = T0 + 5_000; // the recorder's clock at start
    t.rec.onTrade(trade({ venueTradeId: 'before-start', venueTs: started - REPLAY_SLACK_MS - 1 }));
    t.rec.onTrade(trade({ venueTradeId: 'just-before-start', venueTs: started - REPLAY_SLACK_MS + 1 }));
    t.rec.onTrade(trade({ venueTradeId: 'new', venueTs: started + 600_000 }));
    t.rec.onTrade(trade({ venueTradeId: 'replayed', venueTs: started + 600_000 - REPLAY_SLACK_MS - 1 }));
    t.rec.onTrade(trade({ venueTradeId: 'out-of-order', venueTs: started + 600_000 - 1_000 }));
    t.rec.onTrade(trade({ followerId: 'f2', venueTradeId: 'other-follower', venueTs: started + 1 }));
    expect(t.rows.map((r) => r.venueTradeId)).toEqual(['just-before-start', 'new', 'out-of-order', 'other-follower']);
  });

  test('no row for a report without a fill, not final, or without a venue order id; the mark stands in for a missing price', () => {
    const t = setup(Number.POSITIVE_INFINITY);
    t.rec.onReport(report({ status: 'rejected', filledAmount: '0', avgPrice: '' }));
    t.rec.onReport(report({ status: 'partially_filled', filledAmount: '0.5' }));
    t.rec.onReport(report({ status: 'unknown', filledAmount: '' }));
    t.rec.onReport(report({ venueOrderId: '' }));
    expect(t.rows).toEqual([]);
    t.rec.onReport(report({ avgPrice: '' }));
    expect(t.rows.map((r) => r.price)).toEqual([3000]);
  });
});
