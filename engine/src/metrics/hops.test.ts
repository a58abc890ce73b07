import { describe, expect, test } from 'bun:test';
import { emptyHops, type HopStamps } from '../bus';
import { ENGINE_HOPS, HOPS, HOP_STAMPS, REPORT_HOPS, hopSpanMs, isHop } from './hops';

const T = 1_700_000_000_000.25;
const full: HopStamps = { venueEventMs: T - 40, frameRxMs: T, diffDoneMs: T + 0.15, xaddAckMs: T + 0.4, dequeuedMs: T + 1.4, orderSentMs: T + 2, venueAckMs: T + 30 };

describe('hops', () => {
  test('the contract names, engine + report hops cover every stamped hop once', () => {
    expect([...HOPS]).toEqual(['venue_to_rx', 'rx_to_diff', 'diff_to_xadd', 'xadd_to_dequeue', 'dequeue_to_sent', 'sent_to_ack', 'end_to_end', 'webhook_ack']);
    expect<string[]>([...ENGINE_HOPS, ...REPORT_HOPS].sort()).toEqual(Object.keys(HOP_STAMPS).sort());
    expect(isHop('end_to_end')).toBe(true);
    expect(isHop('toString')).toBe(false);
  });

  test.each([
    ['venue_to_rx', 40],
    ['rx_to_diff', 0.15],
    ['diff_to_xadd', 0.25],
    ['xadd_to_dequeue', 1],
    ['dequeue_to_sent', 0.6],
    ['sent_to_ack', 28],
    ['end_to_end', 30],
  ] as const)('%s of a fully stamped signal = %p ms', (hop, ms) => {
    expect(hopSpanMs(full, hop)).toBeCloseTo(ms, 3) // epoch ms near 1.7e12 carry ~0.25 us of resolution;
  });

  test.each([
    ['start unset', { ...full, xaddAckMs: 0 }, 'xadd_to_dequeue'],
    ['end unset', { ...full, xaddAckMs: 0 }, 'diff_to_xadd'],
    ['nothing stamped', emptyHops(), 'end_to_end'],
    ['not finite', { ...full, venueAckMs: Infinity }, 'sent_to_ack'],
    ['NaN stamp', { ...full, frameRxMs: Number.NaN }, 'rx_to_diff'],
  ] as const)('%s -> NaN (not measured, never 0)', (_name, stamps, hop) => {
    expect(hopSpanMs(stamps, hop)).toBeNaN();
  });

  test('a venue clock ahead of ours gives a negative span (the recorder decides what to do)', () => {
    expect(hopSpanMs({ ...full, venueEventMs: T + 5 }, 'venue_to_rx')).toBeCloseTo(-5, 3);
  });
});
