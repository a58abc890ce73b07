// Pure joins of benchmark records: whale orders (simulator schedule) against published whale changes,
// fan-out slope, and the knee of a rate ramp. No I/O, no clocks.

export interface ScheduledOrder {
  intendedMs: number;
  placedMs: number;
  /** Whale contracts right after the order (strictly increasing over a drive). */
  contracts: number;
}

export interface PublishedChange {
  frameRxMs: number;
  xaddAckMs: number;
  /** Whale contracts the change carried. */
  contracts: number;
}

const EPS = 1e-9;

/**
 * Coordinated-omission-aware latency of every whale order: from its intended send time to the first
 * acknowledged XADD whose whale contracts include it (frames coalesced by the feed still count).
 * Orders never covered are left out and counted in `missing`.
 */
export function coverLatencies(orders: readonly ScheduledOrder[], changes: readonly PublishedChange[]): { samples: number[]; missing: number } {
  const byAck = [...changes].sort((a, b) => a.xaddAckMs - b.xaddAckMs);
  const sorted = [...orders].sort((a, b) => a.contracts - b.contracts);
  const samples: number[] = [];
  let missing = 0;
  let j = 0;
  let reach = -Infinity;
  for (const o of sorted) {
    while (reach < o.contracts - EPS && j < byAck.length) reach = Math.max(reach, byAck[j++]!.contracts);
    if (reach >= o.contracts - EPS) samples.push(byAck[j - 1]!.xaddAckMs - o.intendedMs);
    else missing++;
  }
  return { samples, missing };
}

/** Venue push to frame receipt: each change against the placement of the last order it carries. */
export function pushToRx(orders: readonly ScheduledOrder[], changes: readonly PublishedChange[]): number[] {
  const placed = new Map<string, number>();
  for (const o of orders) placed.set(o.contracts.toFixed(6), o.placedMs);
  const out: number[] = [];
  for (const c of changes) {
    const at = placed.get(c.contracts.toFixed(6));
    if (at !== undefined) out.push(c.frameRxMs - at);
  }
  return out;
}

/** Extra milliseconds per follower between two fan-out sizes (e.g. p50 at 1,000 and at 10,000 followers). */
export function perFollowerSlopeMs(a: { followers: number; ms: number }, b: { followers: number; ms: number }): number {
  if (a.followers === b.followers) throw new Error('slope needs two different follower counts');
  return (b.ms - a.ms) / (b.followers - a.followers);
}

/**
 * The highest offered rate whose p99 (and that of every lower rate) stays within `factor` x the
 * baseline p99 (default: the p99 at the lowest rate); undefined when no step is within.
 */
export function sustainedRate(steps: readonly { rate: number; p99: number }[], factor = 2, baseline?: number): { rate: number | undefined; baselineP99: number } {
  const sorted = [...steps].sort((a, b) => a.rate - b.rate);
  const baselineP99 = baseline ?? sorted[0]?.p99 ?? NaN;
  let rate: number | undefined;
  for (const s of sorted) {
    if (!(s.p99 <= factor * baselineP99)) break;
    rate = s.rate;
  }
  return { rate, baselineP99 };
}
