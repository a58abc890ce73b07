// Public surface of engine/src/model: the engine's domain types (no library types cross into here).
// Only types and tiny pure helpers that several engines must agree on.
export { type Venue, type WhaleKind, type MarketSpec, VENUES, baseOfSymbol } from './venue';
export { type Position } from './position';
export {
  type Sizing,
  type SizingMode,
  type Caps,
  type TradingState,
  type LeveragePolicy,
  type SymbolFilter,
  type ExistingPositionPolicy,
  type Follow,
  isSymbolAllowed,
} from './follow';
export { type OrderIntent, type OrderSide, type OrderLeg, signedAmount } from './order-intent';
export { type FollowerBookEntry, type SizingMemo, FRESH_SIZING_MEMO, startSizingMemo } from './follower-book';
