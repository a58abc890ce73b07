// Tests of the event producers: copy observer -> signal/denied/skipped events (nothing built without
// subscribers, the order rate counted regardless), combined observers, and book events coalesced per tick.
import { describe, expect, test } from 'bun:test';
import type { ExecutionReport, OrderSignal } from '../bus';
import { ManualClock } from '../core';
import type { OrderDenied } from '../risk';
import { EngineEventSource, combineObservers, copyEventsObserver } from './engine-events';
import { EventHub } from './event-hub';
import { OrderRate } from './order-rate';

const signal = (followerId: string, amount: string): OrderSignal => ({
  clientOrderId: `c-${followerId}`, followerId, whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell', amount,
  reduceOnly: true, leg: 0, whaleSeq: 9, leverage: 0, refPrice: '',
});
const drain = (sub: { take(): unknown }) => {
  const out: any[] = [];
  for (let m = sub.take(); m !== undefined; m = sub.take()) out.push(m);
  return out;
};

describe('copyEventsObserver', () => {
  test('signals, denials and skips become events; the rate counts signals even with no subscriber', () => {
    const hub = new EventHub();
    const clock = new ManualClock(5_000.7);
    const rate = new OrderRate(1);
    const observer = copyEventsObserver(hub, clock, (followId) => (followId === 'fo1' ? 'w1' : undefined), rate);
    observer.emitted!('w1', 9, [], [[signal('a', '0.500')], [signal('b', '1.000')]], undefined as never);
    expect(rate.perSecond(6_000)).toBe(2);
    const sub = hub.subscribe();
    observer.emitted!('w1', 9, [], [[signal('a', '0.500')]], undefined as never);
    const denial: OrderDenied = { type: 'order_denied', reason: 'halted', detail: 'engine halted', intent: { followerId: 'a', whaleId: 'w1', venue: 'binanceusdm', symbol: 'ETH/USDT:USDT', side: 'buy', amount: 1, reduceOnly: false, leg: 1, whaleSeq: 9, clientOrderId: 'x' } };
    observer.denied!(denial);
    observer.skipped!('fo1', 'a', 'BTC/USDT:USDT', 'below_minimum', 0.0004);
    observer.skipped!('gone', 'a', 'BTC/USDT:USDT', 'no_market', 0);
    expect(drain(sub)).toEqual([
      { type: 'signal', ts: 5000, whaleId: 'w1', seq: 9, followerId: 'a', clientOrderId: 'c-a', symbol: 'BTC/USDT:USDT', side: 'sell', amount: 0.5, reduceOnly: true, leg: 0 },
      { type: 'denied', ts: 5000, whaleId: 'w1', followerId: 'a', symbol: 'ETH/USDT:USDT', reason: 'halted', detail: 'engine halted' },
      { type: 'skipped', ts: 5000, whaleId: 'w1', followerId: 'a', symbol: 'BTC/USDT:USDT', reason: 'below_minimum', carried: 0.0004 },
      { type: 'skipped', ts: 5000, whaleId: '', followerId: 'a', symbol: 'BTC/USDT:USDT', reason: 'no_market', carried: 0 },
    ]);
  });

  test('combineObservers calls each in order and survives a throwing one', () => {
    const seen: string[] = [];
    const combined = combineObservers(
      { skipped: () => { seen.push('first'); throw new Error('bad'); } },
      undefined,
      { skipped: () => seen.push('second'), denied: () => seen.push('denied') },
    );
    combined.skipped!('f', 'a', 's', 'no_market', 0);
    combined.denied!(undefined as never);
    combined.publishFailed!('w', new Error('x'));
    expect(seen).toEqual(['first', 'second', 'denied']);
  });
});

describe('EngineEventSource', () => {
  test('changes within a tick coalesce into one book event per id, read at flush time', async () => {
    const hub = new EventHub();
    let contracts = 1;
    const books = {
      whalePositions: (id: string) => (id === 'w1' ? [{ symbol: 'BTC/USDT:USDT', contracts, entryPrice: 1 }] : undefined),
      followerPositions: (id: string) => [{ symbol: 'BTC/USDT:USDT', target: contracts, actual: 0, inFlight: 0 }].filter(() => id === 'f1'),
    };
    const source = new EngineEventSource(hub, books, new ManualClock(1_000), { intervalMs: 5 });
    source.whaleChanged('w1'); // no subscriber: nothing scheduled
    const sub = hub.subscribe();
    source.whaleChanged('w1');
    source.whaleChanged('w1');
    source.whaleChanged('unknown');
    source.followerChanged('f1');
    contracts = 3;
    await Bun.sleep(20);
    expect(drain(sub)).toEqual([
      { type: 'whale', ts: 1000, whaleId: 'w1', positions: [{ symbol: 'BTC/USDT:USDT', contracts: 3, entryPrice: 1 }] },
      { type: 'follower', ts: 1000, followerId: 'f1', positions: [{ symbol: 'BTC/USDT:USDT', target: 3, actual: 0, inFlight: 0 }] },
    ]);
    source.stop();
  });

  test('a report is an event at once and a follower book event at the next flush; states pass through', () => {
    const hub = new EventHub();
    const source = new EngineEventSource(hub, { whalePositions: () => [], followerPositions: () => [] }, new ManualClock(2_000), { intervalMs: 1000 });
    const sub = hub.subscribe();
    const report = {
      clientOrderId: 'c1', followerId: 'f1', whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'buy', status: 'rejected',
      requestedAmount: '1', filledAmount: '0', avgPrice: '', venueOrderId: '', errorClass: 'InsufficientFunds', errorMessage: 'margin', attempts: 1,
    } as unknown as ExecutionReport;
    source.report(report);
    source.state('whale', 'w1', 'reducing');
    source.state('engine', 'ignored', 'halted');
    source.flush();
    expect(drain(sub)).toEqual([
      { type: 'report', ts: 2000, clientOrderId: 'c1', followerId: 'f1', whaleId: 'w1', symbol: 'BTC/USDT:USDT', side: 'buy', status: 'rejected', filled: 0, avgPrice: 0, error: 'InsufficientFunds: margin' },
      { type: 'state', ts: 2000, scope: 'whale', id: 'w1', state: 'reducing' },
      { type: 'state', ts: 2000, scope: 'engine', id: '', state: 'halted' },
      { type: 'follower', ts: 2000, followerId: 'f1', positions: [] },
    ]);
    source.stop();
  });
});

describe('OrderRate', () => {
  test('mean over the window of whole seconds before now', () => {
    const rate = new OrderRate(4);
    rate.record(4, 10_000);
    rate.record(4, 10_999);
    rate.record(8, 12_500);
    rate.record(100, 14_000); // the current second is not counted yet
    expect(rate.perSecond(14_100)).toBe(4);
    expect(rate.perSecond(16_100)).toBe((8 + 100) / 4);
    expect(rate.perSecond(30_000)).toBe(0);
  });
});
