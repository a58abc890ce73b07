// The latency hops of the copy path (contracts.md "Metric hops") and how each is measured from HopStamps.
// Pure: no recording, no clock. A hop whose stamps are not both set is "not measured" (NaN), never 0.
import type { HopStamps } from '../bus';

export const HOPS = [
  'venue_to_rx',
  'rx_to_diff',
  'diff_to_xadd',
  'xadd_to_dequeue',
  'dequeue_to_sent',
  'sent_to_ack',
  'end_to_end',
  'webhook_ack',
] as const;

export type Hop = (typeof HOPS)[number];

/** Hops computed in the engine when a pass's XADD is acknowledged (one sample per shard entry). */
export const ENGINE_HOPS = ['venue_to_rx', 'rx_to_diff', 'diff_to_xadd'] as const satisfies readonly Hop[];
/** Hops computed from an execution report (one sample per order). */
export const REPORT_HOPS = ['xadd_to_dequeue', 'dequeue_to_sent', 'sent_to_ack', 'end_to_end'] as const satisfies readonly Hop[];

type StampName = keyof HopStamps;

/** Start and end stamp of each stamped hop; webhook_ack is timed by the webhook edge, not from stamps. */
export const HOP_STAMPS: Readonly<Record<Exclude<Hop, 'webhook_ack'>, readonly [StampName, StampName]>> = Object.freeze({
  venue_to_rx: ['venueEventMs', 'frameRxMs'],
  rx_to_diff: ['frameRxMs', 'diffDoneMs'],
  diff_to_xadd: ['diffDoneMs', 'xaddAckMs'],
  xadd_to_dequeue: ['xaddAckMs', 'dequeuedMs'],
  dequeue_to_sent: ['dequeuedMs', 'orderSentMs'],
  sent_to_ack: ['orderSentMs', 'venueAckMs'],
  end_to_end: ['frameRxMs', 'venueAckMs'],
});

export const HOP_INDEX: Readonly<Record<Hop, number>> = Object.freeze(
  Object.fromEntries(HOPS.map((hop, i) => [hop, i])) as Record<Hop, number>,
);

export function isHop(name: string): name is Hop {
  return Object.prototype.hasOwnProperty.call(HOP_INDEX, name);
}

/**
 * Milliseconds of one hop, or NaN when either stamp is unset (0) or not finite. May be negative when the
 * two stamps come from different clocks (venue vs engine, engine vs executor host): the caller decides.
 */
export function hopSpanMs(stamps: HopStamps, hop: Exclude<Hop, 'webhook_ack'>): number {
  const pair = HOP_STAMPS[hop];
  const start = stamps[pair[0]];
  const end = stamps[pair[1]];
  if (!(start > 0) || !(end > 0) || !Number.isFinite(start) || !Number.isFinite(end)) return NaN;
  return end - start;
}
