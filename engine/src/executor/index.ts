// Public surface of engine/src/executor: the Executor (consume signals, place orders through ccxt,
// publish execution reports), its configuration and the types its composition root supplies.
export { Executor, byFollowerInLegOrder, type ExecutorOptions, type ExecutorState } from './executor';
export type { CredentialsLookup, ExecutionObserver, FollowerCredentials, OrderTransport } from './types';
export { storeCredentials } from './store-credentials';
export { parseExecutorConfig, consumerName, type ExecutorConfig } from './config';
export { VENUE_LIMITS, type VenueLimits, type VenueOp, type OpCost } from './rate-limit/venue-limits';
export type { RateWindow } from './rate-limit/token-bucket';
export { DEFAULT_RESOLVE_POLICY, type ResolvePolicy } from './resolve-order';
export {
  CredentialsVenueMismatchError,
  ExecutorAbortedError,
  ExecutorConfigError,
  InvalidSignalError,
  LeverageFailedError,
  MissingCredentialsError,
  NoReferencePriceError,
} from './errors';
