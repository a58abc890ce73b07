// The overview's tiles and rows from the engine's /api/overview: totals across shards, the worst lag,
// and hops in pipeline order. Pure.
import type { Overview } from '../../../shared/events';

export const HOP_ORDER = ['venue_to_rx', 'rx_to_diff', 'diff_to_xadd', 'xadd_to_dequeue', 'dequeue_to_sent', 'sent_to_ack', 'end_to_end', 'webhook_ack'];

export interface Tiles {
  feeds: string;
  whales: number;
  followersOnline: string;
  ordersPerSec: number;
  maxLag: number;
  deadLetters: number;
  pending: number;
}

export function tilesOf(o: Overview): Tiles {
  const shards = o.shards ?? [];
  return {
    feeds: `${o.feeds?.connected ?? 0} / ${o.feeds?.total ?? 0}`,
    whales: o.whales ?? 0,
    followersOnline: `${o.followersOnline ?? 0} / ${o.followers ?? 0}`,
    ordersPerSec: o.ordersPerSec ?? 0,
    maxLag: shards.reduce((m, s) => Math.max(m, s.lag ?? 0), 0),
    deadLetters: shards.reduce((sum, s) => sum + (s.deadLetters ?? 0), 0),
    pending: shards.reduce((sum, s) => sum + (s.pending ?? 0), 0),
  };
}

/** Hops present in the overview, known ones in pipeline order first, unknown ones after, by name. */
export function hopsOf(o: Overview): string[] {
  const present = Object.keys(o.latency ?? {});
  const known = HOP_ORDER.filter((h) => present.includes(h));
  return known.concat(present.filter((h) => !HOP_ORDER.includes(h)).sort());
}
