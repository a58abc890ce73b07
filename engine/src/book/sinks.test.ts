// The book is updated before the event is passed downstream.
import { describe, expect, test } from 'bun:test';
import type { Position } from '../model';
import { FollowerBook } from './follower-book';
import { followerPositionsInto, isTerminalStatus, orderUpdatesInto, whaleUpdatesInto } from './sinks';
import { WhaleBook } from './whale-book';

const BTC = 'BTC/USDT:USDT';
const book1 = (c: number): ReadonlyMap<string, Position> => new Map([[BTC, { symbol: BTC, contracts: c, entryPrice: 1 }]]);

describe('sinks update the book before passing the event on', () => {
  test('whale updates: downstream reads the new book; stale updates are not passed on', () => {
    const book = new WhaleBook();
    const seen: number[] = [];
    const sink = whaleUpdatesInto(book, (e: { whaleId: string; seq: number; positions: ReadonlyMap<string, Position> }) => {
      seen.push(book.contracts(e.whaleId, BTC));
    });
    sink({ whaleId: 'w', seq: 2, positions: book1(1) });
    sink({ whaleId: 'w', seq: 1, positions: book1(9) });
    sink({ whaleId: 'w', seq: 3, positions: book1(-1) });
    expect(seen).toEqual([1, -1]);
  });

  test('follower positions and order updates', () => {
    const book = new FollowerBook();
    book.addInFlight('f', BTC, 'c1', 2, 0);
    const seen: Array<[number, number, boolean?]> = [];
    const positions = followerPositionsInto(book, (e: { followerId: string; positions: ReadonlyMap<string, Position> }) => {
      seen.push([book.actual(e.followerId, BTC), book.inFlight(e.followerId, BTC)]);
    });
    const orders = orderUpdatesInto(book, () => 5, (e: { followerId: string; symbol: string; clientOrderId: string; filled: number; status: string }, known) => {
      seen.push([book.actual('f', BTC), book.inFlight('f', BTC), known]);
    });
    orders({ followerId: 'f', symbol: BTC, clientOrderId: 'c1', filled: 2, status: 'filled' });
    orders({ followerId: 'f', symbol: BTC, clientOrderId: 'zz', filled: 1, status: 'filled' });
    positions({ followerId: 'f', positions: book1(2) });
    expect(seen).toEqual([[0, 2, true], [0, 2, false], [2, 0]]);
    expect(book.inFlightCount).toBe(0);
  });

  test('terminal statuses', () => {
    const cases: Array<[string, boolean]> = [
      ['open', false], ['partially_filled', false], ['unknown', false], ['filled', true],
      ['canceled', true], ['rejected', true], ['expired', true], ['skipped', true],
    ];
    expect(cases.map(([s]) => isTerminalStatus(s))).toEqual(cases.map(([, t]) => t));
  });
});
