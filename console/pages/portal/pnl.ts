// Realized PnL from a follower's fills, per symbol, by average cost: adds move the average entry,
// reductions realize (price - entry) x closed contracts, a flip opens the rest at the fill price.
// Fees are summed apart. Pure; fills may come in any order (sorted by time, then id).

export interface PnlFill {
  id: number;
  symbol: string;
  side: 'buy' | 'sell';
  amount: number;
  price: number;
  fee: number;
  ts: string;
}

export interface SymbolPnl {
  symbol: string;
  /** Signed contracts after the fills. */
  position: number;
  avgEntry: number;
  realized: number;
  fees: number;
  net: number;
}

/** Float noise below this is a flat position. */
const EPS = 1e-12;

/** Filled orders as fills (average fill price, no fee), for when the venue's own fills are not journaled. */
export function fillsFromOrders(orders: readonly { clientOrderId: string; symbol: string; side: 'buy' | 'sell'; filledAmount: number; avgPrice: number | null; updatedAt: string }[]): PnlFill[] {
  return orders
    .filter((o) => o.filledAmount > 0 && o.avgPrice !== null && Number.isFinite(o.avgPrice))
    .map((o, i) => ({ id: i, symbol: o.symbol, side: o.side, amount: o.filledAmount, price: o.avgPrice!, fee: 0, ts: o.updatedAt }));
}

export function realizedPnl(fills: readonly PnlFill[]): SymbolPnl[] {
  const ordered = [...fills].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id - b.id));
  const books = new Map<string, SymbolPnl>();
  for (const fill of ordered) {
    const book = books.get(fill.symbol) ?? { symbol: fill.symbol, position: 0, avgEntry: 0, realized: 0, fees: 0, net: 0 };
    const signed = fill.side === 'buy' ? fill.amount : -fill.amount;
    const q = book.position;
    if (Math.abs(q) < EPS || Math.sign(q) === Math.sign(signed)) {
      book.avgEntry = (book.avgEntry * Math.abs(q) + fill.price * Math.abs(signed)) / (Math.abs(q) + Math.abs(signed));
      book.position = q + signed;
    } else {
      const closed = Math.min(Math.abs(signed), Math.abs(q));
      book.realized += closed * (fill.price - book.avgEntry) * Math.sign(q);
      book.position = q + signed;
      if (Math.abs(book.position) < EPS) {
        book.position = 0;
        book.avgEntry = 0;
      } else if (Math.sign(book.position) !== Math.sign(q)) {
        book.avgEntry = fill.price;
      }
    }
    book.fees += fill.fee;
    book.net = book.realized - book.fees;
    books.set(fill.symbol, book);
  }
  return [...books.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
}
