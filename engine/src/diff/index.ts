// Public surface of engine/src/diff: whale book x sizing - follower book -> order intents.
// Pure functions only; imports nothing but model and core.
export { diffFollower, diffFollowerLegs, newDiffLegs, type DiffLegs, type FollowerDiffInput } from './diff-follower';
export { planOrders, type PlanInputs } from './order-plan';
export {
  IN_SYNC,
  SKIPPED_SYMBOL_EXCLUDED,
  SKIPPED_WAITING,
  SKIPPED_PRICE_MISSING,
  SKIPPED_EQUITY_MISSING,
  type DiffStatus,
  type DiffReason,
  type FollowerDiff,
} from './result';
export {
  targetContracts,
  fixedNotionalK,
  nextFixedK,
  capPositionTarget,
  sizeMemo,
  type MutableSizingMemo,
  isUsablePrice,
  type SizingInputs,
  type SizingFailure,
} from './sizing';
