// Public surface of engine/src/core: clock, ids, shard hashing, step math, base errors.
// Everything here is pure (the system clock reads time, nothing else does I/O).
export { type Clock, SystemClock, ManualClock, systemClock } from './clock';
export { EngineError, InvalidArgumentError, InvalidStepError, type EngineErrorOptions, type ErrorIds } from './errors';
export {
  clientOrderId,
  clientOrderIdOf,
  followIdKey,
  seqText,
  orderDigestHex,
  sha256HexPortable,
  BINANCE_CLIENT_ID_PATTERN,
  isEngineClientOrderId,
  HYPERLIQUID_CLIENT_ID_PATTERN,
  type IdVenue,
  type IdLeg,
  type IdKey,
} from './ids';
export { shardOf, fnv1a32 } from './shard';
export { SmallMap } from './small-map';
export {
  stepScale,
  stepDecimals,
  stepCount,
  countSteps,
  fromSteps,
  stepsToAmount,
  roundToStep,
  floorToStep,
  isMultipleOfStep,
  formatToStep,
  type StepScale,
  type StepRounding,
} from './step-math';
