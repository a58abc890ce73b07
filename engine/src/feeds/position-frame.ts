// Applies one venue frame of positions (already parsed by ccxt) to an account's full book: as a delta
// (Binance ACCOUNT_UPDATE: only changed symbols, a closed one at 0) or as the full state (Hyperliquid
// clearinghouseState, a REST snapshot: a missing symbol is 0). Pure; allocates only when contracts change.
import type { Position } from '../model';
import type { PositionBook } from './types';

/** The fields of a ccxt unified position the feeds read (ccxt's Position satisfies it). */
export interface VenuePositionLike {
  readonly symbol?: string | undefined;
  /** Absolute contracts; the sign comes from `side`. */
  readonly contracts?: number | undefined;
  readonly side?: string | undefined;
  readonly entryPrice?: number | undefined;
  readonly markPrice?: number | undefined;
  readonly notional?: number | undefined;
  readonly timestamp?: number | undefined;
}

export type FrameKind = 'delta' | 'full';

export interface AppliedFrame {
  /** A new map (the input book is never mutated). */
  readonly book: PositionBook;
  readonly changed: string[];
}

export const EMPTY_BOOK: PositionBook = new Map<string, Position>();

/** Signed contracts of a ccxt position: negative for side 'short'; 0 for anything unusable. */
export function signedContracts(p: VenuePositionLike): number {
  const c = p.contracts;
  if (c === undefined || !Number.isFinite(c) || c === 0) return 0;
  const abs = Math.abs(c);
  return p.side === 'short' ? -abs : abs;
}

/** The mark of a position when the venue gives one, or |notional| / |contracts| when it gives a notional. */
export function markOf(p: VenuePositionLike): number | undefined {
  if (p.markPrice !== undefined && Number.isFinite(p.markPrice) && p.markPrice > 0) return p.markPrice;
  const c = p.contracts;
  if (p.notional !== undefined && Number.isFinite(p.notional) && c !== undefined && c !== 0) {
    return Math.abs(p.notional) / Math.abs(c);
  }
  return undefined;
}

function toPosition(symbol: string, contracts: number, p: VenuePositionLike): Position {
  const entry = p.entryPrice !== undefined && Number.isFinite(p.entryPrice) ? p.entryPrice : 0;
  const mark = markOf(p);
  return mark === undefined ? { symbol, contracts, entryPrice: entry } : { symbol, contracts, entryPrice: entry, markPrice: mark };
}

/** Latest venue timestamp in a frame, or `fallback` when none carries one. */
export function frameVenueTs(frame: readonly VenuePositionLike[], fallback: number): number {
  let ts = 0;
  for (let i = 0; i < frame.length; i++) {
    const t = frame[i]!.timestamp;
    if (t !== undefined && Number.isFinite(t) && t > ts) ts = t;
  }
  return ts > 0 ? ts : fallback;
}

/**
 * Applies a frame to `book`. Returns undefined when no symbol's contracts changed (entry or mark
 * moves alone are not changes). One entry per symbol is assumed (one-way position mode); if a
 * symbol repeats, its last entry wins.
 */
export function applyPositionFrame(book: PositionBook, frame: readonly VenuePositionLike[], kind: FrameKind): AppliedFrame | undefined {
  return kind === 'delta' ? applyDelta(book, frame) : applyFull(book, frame);
}

function applyDelta(book: PositionBook, frame: readonly VenuePositionLike[]): AppliedFrame | undefined {
  let differs = false;
  for (let i = 0; i < frame.length && !differs; i++) {
    const p = frame[i]!;
    if (p.symbol === undefined) continue;
    differs = signedContracts(p) !== (book.get(p.symbol)?.contracts ?? 0);
  }
  if (!differs) return undefined;
  const next = new Map(book);
  for (let i = 0; i < frame.length; i++) {
    const p = frame[i]!;
    const symbol = p.symbol;
    if (symbol === undefined) continue;
    const c = signedContracts(p);
    if (c === 0) next.delete(symbol);
    else next.set(symbol, toPosition(symbol, c, p));
  }
  const changed: string[] = [];
  for (let i = 0; i < frame.length; i++) {
    const symbol = frame[i]!.symbol;
    if (symbol === undefined || changed.includes(symbol)) continue;
    if ((next.get(symbol)?.contracts ?? 0) !== (book.get(symbol)?.contracts ?? 0)) changed.push(symbol);
  }
  return changed.length === 0 ? undefined : { book: next, changed };
}

function applyFull(book: PositionBook, frame: readonly VenuePositionLike[]): AppliedFrame | undefined {
  let matched = 0;
  let differs = false;
  for (let i = 0; i < frame.length && !differs; i++) {
    const p = frame[i]!;
    if (p.symbol === undefined) continue;
    const c = signedContracts(p);
    if (c === 0) continue;
    if (book.get(p.symbol)?.contracts === c) matched++;
    else differs = true;
  }
  if (!differs && matched === book.size && !hasRepeatedSymbol(frame)) return undefined;
  const next = new Map<string, Position>();
  for (let i = 0; i < frame.length; i++) {
    const p = frame[i]!;
    const symbol = p.symbol;
    if (symbol === undefined) continue;
    const c = signedContracts(p);
    if (c === 0) next.delete(symbol);
    else next.set(symbol, toPosition(symbol, c, p));
  }
  const changed: string[] = [];
  for (const [symbol, prev] of book) {
    if (next.get(symbol)?.contracts !== prev.contracts) changed.push(symbol);
  }
  for (const symbol of next.keys()) {
    if (!book.has(symbol)) changed.push(symbol);
  }
  return changed.length === 0 ? undefined : { book: next, changed };
}

/** Whether two entries with contracts share a symbol (quadratic on a few entries, allocation-free). */
function hasRepeatedSymbol(frame: readonly VenuePositionLike[]): boolean {
  for (let i = 0; i < frame.length; i++) {
    const a = frame[i]!.symbol;
    if (a === undefined) continue;
    for (let j = i + 1; j < frame.length; j++) if (frame[j]!.symbol === a) return true;
  }
  return false;
}
