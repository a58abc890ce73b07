// Before an engine trusts its followers' first snapshots, the signals of its previous life must be done:
// an order still queued for an executor is in no snapshot and in no in-flight book (the book starts empty),
// so a repair diff would send it a second time. Waits until every shard's stream is delivered and acknowledged.
import type { Bus } from '../bus';

export interface DrainResult {
  /** Every shard's executor group has every entry delivered and acknowledged. */
  readonly drained: boolean;
  readonly waitedMs: number;
  /** At the last look: entries not yet delivered, and delivered but not acknowledged (all shards). */
  readonly undelivered: number;
  readonly pending: number;
}

export interface DrainOptions {
  /** Give up after this long (executors down): the caller proceeds and says so. */
  readonly timeoutMs: number;
  readonly pollMs?: number;
  /** Executor group name (default: the bus's default signal group). */
  readonly group?: string;
}

/**
 * Polls shardStats of every shard until nothing is undelivered or pending. A group that does not exist yet
 * counts its whole stream as undelivered. Redis sometimes cannot tell a group's lag (null, after deletions):
 * such a shard counts as drained when its pending list is empty.
 */
export async function awaitSignalsDrained(bus: Pick<Bus, 'shardStats'>, shards: number, o: DrainOptions): Promise<DrainResult> {
  const started = performance.now();
  const pollMs = o.pollMs ?? 100;
  for (;;) {
    const stats = await Promise.all(Array.from({ length: shards }, (_, shard) => bus.shardStats(shard, o.group)));
    const undelivered = stats.reduce((sum, s) => sum + (s.lag ?? 0), 0);
    const pending = stats.reduce((sum, s) => sum + s.pending, 0);
    const waitedMs = performance.now() - started;
    if (undelivered === 0 && pending === 0) return { drained: true, waitedMs, undelivered, pending };
    if (waitedMs >= o.timeoutMs) return { drained: false, waitedMs, undelivered, pending };
    await Bun.sleep(Math.min(pollMs, Math.max(1, o.timeoutMs - waitedMs)));
  }
}
