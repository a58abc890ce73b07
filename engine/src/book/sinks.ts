// Listener adapters that update the book first and only then pass the event on, so every downstream
// reader sees the state the event describes. Structural types only: the book imports no feed or bus.
import type { FollowerBook, OrderRef } from './follower-book';
import type { WhaleBook, WhaleBookUpdate } from './whale-book';

/** Order statuses after which no further fill comes (feed statuses and execution report statuses). */
const TERMINAL = new Set(['filled', 'canceled', 'rejected', 'expired', 'skipped']);

/** open / partially_filled / unknown keep an order in flight; anything in TERMINAL ends it. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL.has(status);
}

/** Whale updates: applied to the book, passed on only when newer than what the book holds. */
export function whaleUpdatesInto<E extends WhaleBookUpdate>(book: WhaleBook, next: (event: E) => void): (event: E) => void {
  return (event) => {
    if (book.apply(event)) next(event);
  };
}

/** Follower full books (from the follower's feed): actual positions replaced, then passed on. */
export function followerPositionsInto<E extends { readonly followerId: string; readonly positions: ReadonlyMap<string, { readonly contracts: number }> }>(
  book: FollowerBook,
  next: (event: E) => void,
): (event: E) => void {
  return (event) => {
    book.replaceActual(event.followerId, event.positions);
    next(event);
  };
}

/** Order updates (follower order stream or execution reports, `filled` positive cumulative): applied, then passed on. */
export function orderUpdatesInto<E extends OrderRef & { readonly filled: number; readonly status: string }>(
  book: FollowerBook,
  now: () => number,
  next: (event: E, known: boolean) => void,
): (event: E) => void {
  return (event) => {
    const known = book.applyOrderUpdate(event, event.filled, isTerminalStatus(event.status), now());
    next(event, known);
  };
}
