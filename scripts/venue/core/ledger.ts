// Pure one-way position accounting: what a fill does to contracts, entry price and realized PnL.
// No state and no venue rules here.

export interface PositionState {
  contracts: number;
  entryPrice: number;
}

export interface FillEffect {
  contracts: number;
  entryPrice: number;
  realizedPnl: number;
}

/** Apply a signed fill (positive = buy) at `price` to a one-way position. */
export function applyFill(pos: PositionState, signedQty: number, price: number, step: number): FillEffect {
  const q = pos.contracts;
  const next = snap(q + signedQty, step);
  if (q === 0 || Math.sign(q) === Math.sign(signedQty)) {
    const entry = next === 0 ? 0 : (Math.abs(q) * pos.entryPrice + Math.abs(signedQty) * price) / Math.abs(next);
    return { contracts: next, entryPrice: entry, realizedPnl: 0 };
  }
  const closed = Math.min(Math.abs(signedQty), Math.abs(q));
  const realizedPnl = closed * (price - pos.entryPrice) * Math.sign(q);
  if (next === 0) return { contracts: 0, entryPrice: 0, realizedPnl };
  if (Math.sign(next) === Math.sign(q)) return { contracts: next, entryPrice: pos.entryPrice, realizedPnl };
  return { contracts: next, entryPrice: price, realizedPnl };
}

/** Remove float noise by snapping to the market's step. */
export function snap(x: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) + 2;
  const r = Number((Math.round(x / step) * step).toFixed(decimals));
  return r === 0 ? 0 : r;
}

export function unrealizedPnl(pos: PositionState, mark: number): number {
  return pos.contracts === 0 ? 0 : pos.contracts * (mark - pos.entryPrice);
}
