// The live feed's rows: which messages become rows (signals, reports, denials, skips, state changes),
// how a row reads, and the bounded newest-first list. Pure; the component only renders these.
import type { LiveMessage } from '../../../shared/events';

export type FeedType = 'signal' | 'report' | 'denied' | 'skipped' | 'state';
export const FEED_TYPES: readonly FeedType[] = ['signal', 'report', 'denied', 'skipped', 'state'];

export interface FeedRow {
  key: string;
  ts: number;
  type: FeedType;
  whaleId: string;
  followerId: string;
  symbol: string;
  side: '' | 'buy' | 'sell';
  amount: number | null;
  /** Status, reason or the new state. */
  detail: string;
  clientOrderId: string;
}

let counter = 0;

export function toFeedRow(message: LiveMessage): FeedRow | undefined {
  const key = `r${++counter}`;
  switch (message.type) {
    case 'signal':
      return { key, ts: message.ts, type: 'signal', whaleId: message.whaleId, followerId: message.followerId, symbol: message.symbol, side: message.side, amount: message.amount, detail: `${message.reduceOnly ? 'reduce-only ' : ''}seq ${message.seq}`, clientOrderId: message.clientOrderId };
    case 'report':
      return { key, ts: message.ts, type: 'report', whaleId: message.whaleId, followerId: message.followerId, symbol: message.symbol, side: message.side, amount: message.filled, detail: message.error === null ? message.status : `${message.status}: ${message.error}`, clientOrderId: message.clientOrderId };
    case 'denied':
      return { key, ts: message.ts, type: 'denied', whaleId: message.whaleId, followerId: message.followerId, symbol: message.symbol, side: '', amount: null, detail: message.detail ? `${message.reason}: ${message.detail}` : message.reason, clientOrderId: '' };
    case 'skipped':
      return { key, ts: message.ts, type: 'skipped', whaleId: message.whaleId, followerId: message.followerId, symbol: message.symbol, side: '', amount: message.carried, detail: message.reason, clientOrderId: '' };
    case 'state':
      return { key, ts: message.ts, type: 'state', whaleId: message.scope === 'whale' ? message.id : '', followerId: message.scope === 'follower' ? message.id : '', symbol: '', side: '', amount: null, detail: `${message.scope} ${message.state}`, clientOrderId: '' };
    default:
      return undefined;
  }
}

/** New rows on top, at most `limit` kept. `incoming` is in arrival order (oldest first). */
export function prependRows(rows: readonly FeedRow[], incoming: readonly FeedRow[], limit: number): FeedRow[] {
  const fresh = incoming.slice(-limit).reverse();
  return fresh.concat(rows.slice(0, Math.max(0, limit - fresh.length)));
}

export interface FeedFilter {
  types: ReadonlySet<FeedType>;
  followerId?: string;
  whaleId?: string;
}

export function keepRow(row: FeedRow, filter: FeedFilter): boolean {
  if (!filter.types.has(row.type)) return false;
  if (filter.followerId !== undefined && filter.followerId !== '' && row.followerId !== filter.followerId && row.type !== 'state') return false;
  if (filter.whaleId !== undefined && filter.whaleId !== '' && row.whaleId !== filter.whaleId) return false;
  return true;
}
