// The whale book after a TradingView alert: the previous book with one symbol set to the alert's
// signed position. Entry price follows the alert price (opened or flipped: the price; added: the
// weighted mean; reduced: unchanged). Pure; returns a new map and never mutates the old one.
import type { Position } from '../model';

/** Float dust below this many contracts is flat. */
const DUST = 1e-12;

export function entryPriceAfter(previous: Position | undefined, contracts: number, price: number | undefined): number {
  const before = previous?.contracts ?? 0;
  const known = previous?.entryPrice ?? 0;
  if (before === 0 || Math.sign(before) !== Math.sign(contracts)) return price ?? 0;
  if (Math.abs(contracts) <= Math.abs(before) || price === undefined) return known;
  const added = Math.abs(contracts) - Math.abs(before);
  return (Math.abs(before) * known + added * price) / Math.abs(contracts);
}

/** `book` with `symbol` at `contracts` (0 removes it); markPrice is the alert price when given. */
export function bookWithPosition(
  book: ReadonlyMap<string, Position>, symbol: string, contracts: number, price: number | undefined,
): Map<string, Position> {
  const next = new Map(book);
  const previous = book.get(symbol);
  if (Math.abs(contracts) < DUST) {
    next.delete(symbol);
    return next;
  }
  const markPrice = price ?? previous?.markPrice;
  const position: Position = { symbol, contracts, entryPrice: entryPriceAfter(previous, contracts, price), ...(markPrice === undefined ? {} : { markPrice }) };
  next.set(symbol, position);
  return next;
}
