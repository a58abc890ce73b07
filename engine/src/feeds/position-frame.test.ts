// Tables for applying position frames: Binance deltas (close = 0) and Hyperliquid full states (missing = 0).
import { describe, expect, test } from 'bun:test';
import type { Position } from '../model';
import { EMPTY_BOOK, applyPositionFrame, frameVenueTs, markOf, signedContracts, type FrameKind, type VenuePositionLike } from './position-frame';
import type { PositionBook } from './types';

const BTC = 'BTC/USDT:USDT';
const ETH = 'ETH/USDT:USDT';
const SOL = 'SOL/USDT:USDT';

const long = (symbol: string, contracts: number, entryPrice = 100): VenuePositionLike => ({ symbol, contracts, side: 'long', entryPrice });
const short = (symbol: string, contracts: number, entryPrice = 100): VenuePositionLike => ({ symbol, contracts, side: 'short', entryPrice });
/** Binance one-way close: contracts 0, side 'both'. */
const flat = (symbol: string): VenuePositionLike => ({ symbol, contracts: 0, side: 'both', entryPrice: 0 });

function book(entries: Record<string, number>): PositionBook {
  const m = new Map<string, Position>();
  for (const [symbol, contracts] of Object.entries(entries)) m.set(symbol, { symbol, contracts, entryPrice: 100 });
  return m;
}

const contractsOf = (b: PositionBook) => Object.fromEntries([...b].map(([s, p]) => [s, p.contracts]));

describe('signedContracts', () => {
  const cases: Array<[string, VenuePositionLike, number]> = [
    ['long', long(BTC, 0.5), 0.5],
    ['short', short(BTC, 0.5), -0.5],
    ['short given as negative contracts', { symbol: BTC, contracts: -0.5, side: 'short' }, -0.5],
    ['zero both', flat(BTC), 0],
    ['zero short is not -0', { symbol: BTC, contracts: 0, side: 'short' }, 0],
    ['undefined contracts', { symbol: BTC, side: 'long' }, 0],
    ['NaN contracts', { symbol: BTC, contracts: Number.NaN, side: 'long' }, 0],
  ];
  test.each(cases)('%s', (_name, p, expected) => {
    expect(Object.is(signedContracts(p), expected)).toBe(true);
  });
});

describe('markOf', () => {
  test('mark price wins, then notional / contracts, else none', () => {
    expect(markOf({ contracts: 2, markPrice: 50, notional: 1 })).toBe(50);
    expect(markOf({ contracts: 2, notional: -120 })).toBe(60);
    expect(markOf({ contracts: 0, notional: 10 })).toBeUndefined();
    expect(markOf({ contracts: 1 })).toBeUndefined();
  });
});

describe('applyPositionFrame', () => {
  const cases: Array<[string, FrameKind, Record<string, number>, VenuePositionLike[], Record<string, number> | undefined, string[]]> = [
    ['delta: open from empty', 'delta', {}, [long(BTC, 1)], { [BTC]: 1 }, [BTC]],
    ['delta: add keeps other symbols', 'delta', { [BTC]: 1, [ETH]: 2 }, [long(BTC, 1.5)], { [BTC]: 1.5, [ETH]: 2 }, [BTC]],
    ['delta: flip long to short', 'delta', { [BTC]: 1 }, [short(BTC, 2)], { [BTC]: -2 }, [BTC]],
    ['delta: close arrives as 0', 'delta', { [BTC]: 1, [ETH]: 2 }, [flat(BTC)], { [ETH]: 2 }, [BTC]],
    ['delta: same contracts is no change', 'delta', { [BTC]: 1 }, [long(BTC, 1, 999)], undefined, []],
    ['delta: empty frame', 'delta', { [BTC]: 1 }, [], undefined, []],
    ['delta: close of unknown symbol', 'delta', { [BTC]: 1 }, [flat(ETH)], undefined, []],
    ['delta: repeated symbol, last wins back to unchanged', 'delta', { [BTC]: 1 }, [long(BTC, 3), long(BTC, 1)], undefined, []],
    ['delta: two symbols change', 'delta', { [BTC]: 1 }, [flat(BTC), short(ETH, 4)], { [ETH]: -4 }, [BTC, ETH]],
    ['full: missing symbol means closed', 'full', { [BTC]: 1, [ETH]: 2 }, [long(ETH, 2)], { [ETH]: 2 }, [BTC]],
    ['full: empty frame closes everything', 'full', { [BTC]: 1, [ETH]: -2 }, [], {}, [BTC, ETH]],
    ['full: identical state is no change', 'full', { [BTC]: 1, [ETH]: -2 }, [short(ETH, 2), long(BTC, 1)], undefined, []],
    ['full: empty to empty', 'full', {}, [], undefined, []],
    ['full: zero rows ignored', 'full', { [BTC]: 1 }, [long(BTC, 1), flat(SOL)], undefined, []],
    ['full: new symbol and flip', 'full', { [BTC]: 1 }, [short(BTC, 1), long(SOL, 3)], { [BTC]: -1, [SOL]: 3 }, [BTC, SOL]],
    ['full: repeated matching symbol hides no close', 'full', { [BTC]: 1, [ETH]: 2 }, [long(BTC, 1), long(BTC, 1)], { [BTC]: 1 }, [ETH]],
  ];
  test.each(cases)('%s', (_name, kind, before, frame, after, changed) => {
    const prev = book(before);
    const frozen = contractsOf(prev);
    const r = applyPositionFrame(prev, frame, kind);
    expect(contractsOf(prev)).toEqual(frozen); // input never mutated
    if (after === undefined) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r).toBeDefined();
    expect(contractsOf(r!.book)).toEqual(after);
    expect([...r!.changed].sort()).toEqual([...changed].sort());
    expect(r!.book).not.toBe(prev);
  });

  test('carries entry and mark of the frame', () => {
    const r = applyPositionFrame(EMPTY_BOOK, [{ symbol: BTC, contracts: 2, side: 'short', entryPrice: 61000, notional: 122_400 }], 'full');
    expect(r!.book.get(BTC)).toEqual({ symbol: BTC, contracts: -2, entryPrice: 61000, markPrice: 61200 });
  });
});

describe('frameVenueTs', () => {
  test('latest timestamp, else fallback', () => {
    expect(frameVenueTs([{ timestamp: 5 }, { timestamp: 9 }, {}], 1)).toBe(9);
    expect(frameVenueTs([{}], 42)).toBe(42);
    expect(frameVenueTs([], 42)).toBe(42);
  });
});
