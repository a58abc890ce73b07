// A follower copying several whales in one market: each follow's share of the one position. Pure reads of
// the follows' memos, the whale book and the trading states; no I/O.
import type { WhaleBook } from '../book';
import { baseOfSymbol, type SizingMemo } from '../model';
import { mostRestrictive, type TradingStates } from '../risk';
import type { FollowRuntime } from './follows';

/**
 * What the follower's other follows aim at in a market (`symbol`, the follower's): their sized targets, so
 * one whale's change never undoes what another's put on; the diff plans its legs on the whole account toward
 * its own target plus this. NaN when one of them has not sized its target there yet while its whale holds
 * that asset (its share of the position is unknown). While one of them is halted or reducing (its follow or
 * its whale), its share is frozen as it stands: everything held (`position`, actual + in flight) beyond this
 * follow's own last target (`own`) counts as theirs, so this follow moves by its own change only and never
 * trades the other's share (neither reopening nor closing it past what that follow's state allows).
 */
export function othersTarget(
  siblings: readonly FollowRuntime[], symbol: string, position: number, own: SizingMemo,
  books: { readonly whales: WhaleBook; readonly states: TradingStates },
): number {
  let sum = 0;
  let unknown = false;
  for (const other of siblings) {
    if (mostRestrictive(books.states.get('whale', other.follow.whaleId), other.follow.state) !== 'active') {
      return position - (own.sized && !own.waiting ? own.target : 0);
    }
    const memo = other.get(symbol);
    if (memo !== undefined && (memo.sized || memo.waiting)) {
      if (memo.sized && !memo.waiting) sum += memo.target;
      continue;
    }
    const base = baseOfSymbol(symbol);
    for (const [whaleSymbol, p] of books.whales.positions(other.follow.whaleId)) {
      if (p.contracts !== 0 && baseOfSymbol(whaleSymbol) === base) unknown = true;
    }
  }
  return unknown ? NaN : sum;
}
