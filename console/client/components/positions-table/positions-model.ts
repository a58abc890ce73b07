// Rows of the live positions table: whale books (contracts, entry) and follower books (target,
// actual, in flight, drift), sorted by symbol, with the symbols whose numbers changed. Pure.
import { driftOf, type FollowerPosition, type WhalePosition } from '../../../shared/events';

export type PositionsKind = 'whale' | 'follower';
export type AnyPosition = WhalePosition | FollowerPosition;

export interface PositionRow {
  symbol: string;
  cells: number[];
}

export const COLUMNS: Record<PositionsKind, string[]> = {
  whale: ['Contracts', 'Entry price'],
  follower: ['Target', 'Actual', 'In flight', 'Drift'],
};

export function rowsOf(kind: PositionsKind, positions: readonly AnyPosition[]): PositionRow[] {
  const rows = positions.map((p): PositionRow => (kind === 'whale'
    ? { symbol: p.symbol, cells: [(p as WhalePosition).contracts, (p as WhalePosition).entryPrice] }
    : { symbol: p.symbol, cells: [(p as FollowerPosition).target, (p as FollowerPosition).actual, (p as FollowerPosition).inFlight, driftOf(p as FollowerPosition)] }));
  return rows.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

/** Symbols that are new or whose numbers differ (beyond float noise) between two row sets. */
export function changedSymbols(before: readonly PositionRow[], after: readonly PositionRow[]): Set<string> {
  const old = new Map(before.map((r) => [r.symbol, r.cells]));
  const changed = new Set<string>();
  for (const row of after) {
    const prev = old.get(row.symbol);
    if (prev === undefined || prev.some((v, i) => Math.abs(v - row.cells[i]!) > 1e-12)) changed.add(row.symbol);
  }
  return changed;
}

/** Whether a follower row is off target (drift beyond float noise). */
export const offTarget = (row: PositionRow): boolean => row.cells.length === 4 && Math.abs(row.cells[3]!) > 1e-9;
