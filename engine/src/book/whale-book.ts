// In-memory whale positions and equity (the cache every engine reads): whale -> symbol -> position.
// Pure data structure: no I/O, no notification; the caller updates it before notifying anyone.
import { InvalidArgumentError } from '../core';
import type { Position } from '../model';

export type WhaleBookPositions = ReadonlyMap<string, Position>;

/** What a whale positions update carries (a feed event or a TradingView ingress event satisfies it). */
export interface WhaleBookUpdate {
  readonly whaleId: string;
  readonly seq: number;
  /** The whale's full book, zeros removed; stored by reference, so it must never be mutated afterwards. */
  readonly positions: WhaleBookPositions;
  readonly venueTs?: number;
  readonly rxTs?: number;
}

interface WhaleSlot {
  seq: number;
  positions: WhaleBookPositions;
  venueTs: number;
  rxTs: number;
  equity: number | undefined;
  equityAtMs: number;
}

const NO_POSITIONS: WhaleBookPositions = new Map();

export class WhaleBook {
  private readonly whales = new Map<string, WhaleSlot>();

  /** Replaces the whale's book; false (and nothing changes) when `seq` is not above the last applied one. */
  apply(update: WhaleBookUpdate): boolean {
    if (!Number.isFinite(update.seq)) throw new InvalidArgumentError(`whale seq must be finite, got ${update.seq}`, { ids: { whaleId: update.whaleId } });
    const slot = this.whales.get(update.whaleId);
    if (slot === undefined) {
      this.whales.set(update.whaleId, {
        seq: update.seq, positions: update.positions, venueTs: update.venueTs ?? 0, rxTs: update.rxTs ?? 0, equity: undefined, equityAtMs: 0,
      });
      return true;
    }
    if (update.seq <= slot.seq) return false;
    slot.seq = update.seq;
    slot.positions = update.positions;
    slot.venueTs = update.venueTs ?? 0;
    slot.rxTs = update.rxTs ?? 0;
    return true;
  }

  /** Signed contracts of the whale in `symbol`; 0 when flat or unknown. */
  contracts(whaleId: string, symbol: string): number {
    return this.whales.get(whaleId)?.positions.get(symbol)?.contracts ?? 0;
  }

  position(whaleId: string, symbol: string): Position | undefined {
    return this.whales.get(whaleId)?.positions.get(symbol);
  }

  /** The whale's full book (empty when unknown). */
  positions(whaleId: string): WhaleBookPositions {
    return this.whales.get(whaleId)?.positions ?? NO_POSITIONS;
  }

  /** Last applied sequence, undefined before the first update. */
  lastSeq(whaleId: string): number | undefined {
    const seq = this.whales.get(whaleId)?.seq;
    return seq === Number.NEGATIVE_INFINITY ? undefined : seq;
  }

  /** Venue time of the last applied update (0 = unknown). */
  venueTs(whaleId: string): number {
    return this.whales.get(whaleId)?.venueTs ?? 0;
  }

  setEquity(whaleId: string, equity: number, atMs: number): void {
    if (!Number.isFinite(equity)) throw new InvalidArgumentError(`whale equity must be finite, got ${equity}`, { ids: { whaleId } });
    let slot = this.whales.get(whaleId);
    if (slot === undefined) {
      slot = { seq: Number.NEGATIVE_INFINITY, positions: NO_POSITIONS, venueTs: 0, rxTs: 0, equity: undefined, equityAtMs: 0 };
      this.whales.set(whaleId, slot);
    }
    if (atMs < slot.equityAtMs) return;
    slot.equity = equity;
    slot.equityAtMs = atMs;
  }

  equity(whaleId: string): number | undefined {
    return this.whales.get(whaleId)?.equity;
  }

  has(whaleId: string): boolean {
    return this.whales.has(whaleId);
  }

  remove(whaleId: string): boolean {
    return this.whales.delete(whaleId);
  }

  whaleIds(): IterableIterator<string> {
    return this.whales.keys();
  }

  get size(): number {
    return this.whales.size;
  }
}
