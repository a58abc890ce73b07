// Tables for the follower book: actual + in flight stays right whichever of fill or position arrives first.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from '../core';
import { FollowerBook } from './follower-book';

const F = 'f1';
const S = 'BTC/USDT:USDT';

type Op =
  | ['add', string, number]
  | ['fill', string, number, boolean]
  | ['pos', number];

/** Each step: an operation and the [actual, inFlight] expected right after it. */
type Step = [Op, [number, number]];

/** An order of follower F in symbol S. */
const ref = (clientOrderId: string) => ({ followerId: F, symbol: S, clientOrderId });

const round12 = (x: number) => Math.round(x * 1e12) / 1e12 + 0; // + 0 turns -0 into 0

function run(steps: Step[]): FollowerBook {
  const book = new FollowerBook();
  let t = 0;
  for (const [op, [actual, inFlight]] of steps) {
    t++;
    if (op[0] === 'add') book.addInFlight(F, S, op[1], op[2], t);
    else if (op[0] === 'fill') book.applyOrderUpdate(ref(op[1]), op[2], op[3], t);
    else book.setActual(F, S, op[1]);
    const got = { op, actual: book.actual(F, S), inFlight: round12(book.inFlight(F, S)) };
    expect(got).toEqual({ op, actual, inFlight: round12(inFlight) });
  }
  return book;
}

describe('FollowerBook actual + in flight', () => {
  const cases: Array<[string, Step[], number]> = [
    ['report first, then position', [[['add', 'a', 1], [0, 1]], [['fill', 'a', 1, true], [0, 1]], [['pos', 1], [1, 0]]], 0],
    ['position first, then report', [[['add', 'a', 1], [0, 1]], [['pos', 1], [1, 0]], [['fill', 'a', 1, true], [1, 0]]], 0],
    ['same fill from report and order stream counts once', [
      [['add', 'a', 1], [0, 1]], [['fill', 'a', 1, true], [0, 1]], [['fill', 'a', 1, true], [0, 1]], [['pos', 1], [1, 0]],
    ], 0],
    ['partial fill, then the rest', [
      [['add', 'a', 1], [0, 1]], [['fill', 'a', 0.4, false], [0, 1]], [['pos', 0.4], [0.4, 0.6]],
      [['fill', 'a', 1, true], [0.4, 0.6]], [['pos', 1], [1, 0]],
    ], 0],
    ['rejected order leaves nothing in flight', [[['add', 'a', 1], [0, 1]], [['fill', 'a', 0, true], [0, 0]]], 0],
    ['IOC partly filled then expired', [[['add', 'a', 1], [0, 1]], [['fill', 'a', 0.3, true], [0, 0.3]], [['pos', 0.3], [0.3, 0]]], 0],
    ['manual close while our close is in flight, ours then rejected', [
      [['pos', 1], [1, 0]], [['add', 'a', -1], [1, -1]], [['pos', 0], [0, 0]], [['fill', 'a', 0, true], [0, 0]],
    ], 0],
    ['unexplained change is actual only', [[['pos', 2], [2, 0]], [['pos', -1], [-1, 0]]], 0],
    ['opposite manual trade is not settled against our order', [
      [['add', 'a', 1], [0, 1]], [['pos', -0.5], [-0.5, 1]], [['fill', 'a', 1, true], [-0.5, 1]], [['pos', 0.5], [0.5, 0]],
    ], 0],
    ['two orders settle oldest first', [
      [['add', 'a', 1], [0, 1]], [['add', 'b', 2], [0, 3]], [['pos', 1.5], [1.5, 1.5]],
      [['fill', 'a', 1, true], [1.5, 1.5]], [['fill', 'b', 2, true], [1.5, 1.5]], [['pos', 3], [3, 0]],
    ], 0],
    ['flip long to short with close and open legs', [
      [['pos', 1], [1, 0]], [['add', 'close', -1], [1, -1]], [['add', 'open', -1], [1, -2]],
      [['fill', 'close', 1, true], [1, -2]], [['fill', 'open', 1, true], [1, -2]], [['pos', -1], [-1, 0]],
    ], 0],
    ['position moves past the order: the rest is external', [
      [['add', 'a', 1], [0, 1]], [['pos', 3], [3, 0]], [['fill', 'a', 1, true], [3, 0]],
    ], 0],
    ['float dust settles to zero', [
      [['add', 'a', 0.3], [0, 0.3]], [['pos', 0.1], [0.1, 0.2]], [['pos', 0.30000000000000004], [0.30000000000000004, 0]],
      [['fill', 'a', 0.3, true], [0.30000000000000004, 0]],
    ], 0],
    ['fills only grow', [
      [['add', 'a', -1], [0, -1]], [['fill', 'a', 0.5, false], [0, -1]], [['fill', 'a', 0.3, false], [0, -1]],
      [['fill', 'a', 0.5, true], [0, -0.5]], [['pos', -0.5], [-0.5, 0]],
    ], 0],
    ['terminal is sticky against a late open update', [
      [['add', 'a', 1], [0, 1]], [['fill', 'a', 0.2, true], [0, 0.2]], [['fill', 'a', 0.2, false], [0, 0.2]],
    ], 1],
    ['live order fully seen stays until its status arrives', [[['add', 'a', 1], [0, 1]], [['pos', 1], [1, 0]]], 1],
  ];
  test.each(cases)('%s', (_name, steps, ordersLeft) => {
    const book = run(steps);
    expect(book.inFlightCount).toBe(ordersLeft);
  });
});

describe('FollowerBook bookkeeping', () => {
  test('a redelivered signal is not a second order', () => {
    const book = new FollowerBook();
    expect(book.addInFlight(F, S, 'a', 1, 0)).toBe(true);
    expect(book.addInFlight(F, S, 'a', 1, 0)).toBe(false);
    expect(book.inFlight(F, S)).toBe(1);
  });

  test('unknown client order ids change nothing', () => {
    const book = new FollowerBook();
    book.setActual(F, S, 2);
    expect(book.applyOrderUpdate(ref('nope'), 1, true, 0)).toBe(false);
    expect(book.entry(F, S)).toEqual({ actual: 2, inFlight: 0 });
  });

  test('bad inputs throw', () => {
    const book = new FollowerBook();
    expect(() => book.addInFlight(F, S, 'a', 0, 0)).toThrow(InvalidArgumentError);
    expect(() => book.addInFlight(F, S, 'a', Number.NaN, 0)).toThrow(InvalidArgumentError);
    expect(() => book.setActual(F, S, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    book.addInFlight(F, S, 'b', 1, 0);
    expect(() => book.applyOrderUpdate(ref('b'), -1, false, 0)).toThrow(InvalidArgumentError);
  });

  test('replaceActual flattens symbols missing from the full book', () => {
    const book = new FollowerBook();
    book.replaceActual(F, new Map([[S, { contracts: 1 }], ['ETH/USDT:USDT', { contracts: -2 }]]));
    book.replaceActual(F, new Map([['ETH/USDT:USDT', { contracts: -3 }]]));
    expect(book.actual(F, S)).toBe(0);
    expect(book.actual(F, 'ETH/USDT:USDT')).toBe(-3);
    expect([...book.symbols(F)!]).toEqual(['ETH/USDT:USDT']);
  });

  test('sweep drops terminal orders after the grace and live ones after the timeout', () => {
    const book = new FollowerBook();
    book.addInFlight(F, S, 'done', 1, 0);
    book.applyOrderUpdate(ref('done'), 1, true, 10);
    book.addInFlight(F, S, 'live', 2, 0);
    const opts = { terminalGraceMs: 1000, liveTimeoutMs: 5000 };
    expect(book.sweep(500, opts)).toEqual([]);
    expect(book.inFlight(F, S)).toBe(3);
    expect(book.sweep(1010, opts)).toEqual(['done']);
    expect(book.inFlight(F, S)).toBe(2);
    expect(book.sweep(5000, opts)).toEqual(['live']);
    expect(book.inFlight(F, S)).toBe(0);
    expect(book.inFlightCount).toBe(0);
  });

  test('order view and removal of a follower', () => {
    const book = new FollowerBook();
    book.addInFlight(F, S, 'a', -2, 5);
    book.applyOrderUpdate(ref('a'), 1, false, 6);
    expect(book.order(ref('a'))).toEqual({
      clientOrderId: 'a', followerId: F, symbol: S, requested: -2, filled: -1, settled: 0, terminal: false, inFlight: -2, createdAtMs: 5, updatedAtMs: 6,
    });
    expect(book.orders(F, S).map((o) => o.clientOrderId)).toEqual(['a']);
    expect(book.removeFollower(F)).toBe(true);
    expect(book.order(ref('a'))).toBeUndefined();
    expect(book.inFlightCount).toBe(0);
    expect(book.hasFollower(F)).toBe(false);
  });

  test('equity keeps the newest value', () => {
    const book = new FollowerBook();
    expect(book.equity(F)).toBeUndefined();
    book.setEquity(F, 100, 10);
    book.setEquity(F, 90, 5);
    expect(book.equity(F)).toBe(100);
    book.setEquity(F, 120, 10);
    expect(book.equity(F)).toBe(120);
  });

  test('10,000 followers x 3 symbols: add, report, settle stays exact', () => {
    const book = new FollowerBook();
    const symbols = ['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT'];
    for (let i = 0; i < 10_000; i++) {
      const f = `f${i}`;
      for (let j = 0; j < symbols.length; j++) book.addInFlight(f, symbols[j]!, `${f}:${j}`, (j + 1) * 0.001, 0);
    }
    for (let i = 0; i < 10_000; i++) {
      const f = `f${i}`;
      for (let j = 0; j < symbols.length; j++) book.applyOrderUpdate({ followerId: f, symbol: symbols[j]!, clientOrderId: `${f}:${j}` }, (j + 1) * 0.001, true, 1);
      book.replaceActual(f, new Map(symbols.map((s, j) => [s, { contracts: (j + 1) * 0.001 }])));
    }
    expect(book.inFlightCount).toBe(0);
    expect(book.followerCount).toBe(10_000);
    expect(book.actual('f9999', 'SOL/USDT:USDT')).toBe(0.003);
    expect(book.inFlight('f9999', 'SOL/USDT:USDT')).toBe(0);
  });
});

describe('FollowerBook entryInto', () => {
  test('fills the caller object with what entry() returns, including for unknown followers', () => {
    const book = new FollowerBook();
    book.setActual('f1', 'BTC/USDT:USDT', 0.5);
    book.addInFlight('f1', 'BTC/USDT:USDT', 'cid-1', -0.2, 1);
    const out = { actual: 9, inFlight: 9 };
    expect(book.entryInto('f1', 'BTC/USDT:USDT', out)).toBe(out);
    expect(out).toEqual({ actual: 0.5, inFlight: -0.2 });
    expect(book.entry('f1', 'BTC/USDT:USDT')).toEqual({ actual: 0.5, inFlight: -0.2 });
    book.entryInto('nobody', 'BTC/USDT:USDT', out);
    expect(out).toEqual({ actual: 0, inFlight: 0 });
  });

  test('readInto adds the equity (NaN when unknown) and whether a full book was seen', () => {
    const book = new FollowerBook();
    book.setActual('f1', 'BTC/USDT:USDT', 0.5);
    const out = { actual: 9, inFlight: 9, equity: 9, synced: true };
    expect(book.readInto('f1', 'BTC/USDT:USDT', out)).toEqual({ actual: 0.5, inFlight: 0, equity: NaN, synced: false });
    book.setEquity('f1', 1_000, 1);
    book.addInFlight('f1', 'BTC/USDT:USDT', 'cid-1', 0.1, 1);
    expect(book.readInto('f1', 'BTC/USDT:USDT', out)).toEqual({ actual: 0.5, inFlight: 0.1, equity: 1_000, synced: false });
    book.replaceActual('f1', new Map([['BTC/USDT:USDT', { contracts: 0.5 }]]));
    expect(book.readInto('f1', 'BTC/USDT:USDT', out)).toEqual({ actual: 0.5, inFlight: 0.1, equity: 1_000, synced: true });
    expect(book.isSynced('f1')).toBe(true);
    expect(book.readInto('nobody', 'ETH/USDT:USDT', out)).toEqual({ actual: 0, inFlight: 0, equity: NaN, synced: false });
    expect(book.isSynced('nobody')).toBe(false);
  });
});

describe('FollowerBook handles', () => {
  test('a handle reads and adds like the id does; after removeFollower it is stale and refused, a new one is current', () => {
    const book = new FollowerBook();
    expect(book.handle(F)).toBeUndefined(); // never heard of
    book.replaceActual(F, new Map([[S, { contracts: 0.5 }]]));
    book.setEquity(F, 1000, 1);
    const h = book.handle(F)!;
    const out = { actual: 0, inFlight: 0, equity: 0, synced: false };
    expect(book.readHandleInto(h, S, out)).toEqual({ actual: 0.5, inFlight: 0, equity: 1000, synced: true });
    expect(book.addInFlightAt(h, F, S, 'c1', 0.25, 2)).toBe(true);
    expect(book.addInFlightAt(h, F, S, 'c1', 0.25, 2)).toBe(false); // same id: not a second order
    expect(book.readInto(F, S, out)).toEqual({ actual: 0.5, inFlight: 0.25, equity: 1000, synced: true });
    book.removeFollower(F);
    expect(h.removed).toBe(true);
    expect(() => book.addInFlightAt(h, F, S, 'c2', 1, 3)).toThrow(InvalidArgumentError);
    book.replaceActual(F, new Map());
    const again = book.handle(F)!;
    expect(again.removed).toBe(false);
    expect(book.readHandleInto(again, S, out)).toEqual({ actual: 0, inFlight: 0, equity: NaN, synced: true });
  });
});
