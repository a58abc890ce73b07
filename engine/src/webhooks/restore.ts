// Rebuilds TradingView whale state after a restart from the webhook journal: the last applied alert per
// (strategy, symbol) - latest alert time, then latest apply sequence, whatever the row order - gives the
// position; recent accepted keys refill the replay window. Reads only.
import type { Position } from '../model';
import type { WebhookJournalRepository } from '../store';
import { parseAlert } from './alert';
import { bookWithPosition } from './position-book';
import type { Strategy } from './strategies';
import { resolveTicker } from './ticker';

/** The journal reason of an accepted alert: the whale book sequence it was applied with. */
export const appliedReason = (seq: number): string => `applied seq ${seq}`;

/** The sequence in an accepted row's reason; 0 when absent (rows journaled before it was recorded). */
export function appliedSeqOf(reason: string | null): number {
  const match = /^applied seq (\d{1,20})$/.exec(reason ?? '');
  return match === null ? 0 : Number(match[1]);
}

export interface RestoredStrategy {
  readonly positions: Map<string, Position>;
  /** Last applied alert time per symbol. */
  readonly lastTimeMs: Map<string, number>;
  /** Idempotency keys of accepted alerts journaled at or after `sinceMs`. */
  readonly recentKeys: string[];
}

export interface RestoreOptions {
  /** Keys journaled before this are not restored (older alerts are refused by age anyway). */
  readonly sinceMs: number;
  /** Journal rows read at most per strategy (newest first). Default 100000. */
  readonly maxRows?: number;
  readonly pageSize?: number;
}

/** The strategy's book and replay state as its accepted journal rows left it. */
export async function restoreStrategy(
  journal: Pick<WebhookJournalRepository, 'list'>, strategy: Strategy, options: RestoreOptions,
): Promise<RestoredStrategy> {
  const pageSize = options.pageSize ?? 500;
  const maxRows = options.maxRows ?? 100_000;
  const latest = new Map<string, { contracts: number; price: number | undefined; timeMs: number; seq: number }>();
  const recentKeys: string[] = [];
  let beforeId: number | undefined;
  for (let read = 0; read < maxRows;) {
    const rows = await journal.list({ strategy: strategy.id, accepted: true, beforeId, limit: pageSize });
    for (const row of rows) {
      if (row.ts.getTime() >= options.sinceMs) recentKeys.push(row.idempotencyKey);
      const parsed = parseAlert(row.body);
      if (!parsed.ok) continue;
      const symbol = resolveTicker(parsed.alert.ticker, strategy.tickers);
      if (symbol === undefined) continue;
      const { contracts, price, timeMs } = parsed.alert;
      const seq = appliedSeqOf(row.reason);
      const known = latest.get(symbol);
      if (known === undefined || timeMs > known.timeMs || (timeMs === known.timeMs && seq > known.seq)) latest.set(symbol, { contracts, price, timeMs, seq });
    }
    read += rows.length;
    if (rows.length < pageSize) break;
    beforeId = rows[rows.length - 1]!.id;
  }
  let positions = new Map<string, Position>();
  const lastTimeMs = new Map<string, number>();
  for (const [symbol, { contracts, price, timeMs }] of latest) {
    positions = bookWithPosition(positions, symbol, contracts, price);
    lastTimeMs.set(symbol, timeMs);
  }
  return { positions, lastTimeMs, recentKeys: recentKeys.reverse() };
}
