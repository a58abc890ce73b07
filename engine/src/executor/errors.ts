// Error classes of the executor. Shapes only: which of them end an order as REJECTED and which
// fail the batch for redelivery is decided in executor.ts.
import { EngineError } from '../core';

/** The executor was aborted (as if killed): no further venue call, report or ack may happen. */
export class ExecutorAbortedError extends EngineError {
  readonly code = 'executor_aborted' as const;
}

/** The follower has no usable credentials (unknown follower, deleted, none stored). Final for its orders. */
export class MissingCredentialsError extends EngineError {
  readonly code = 'executor_credentials_missing' as const;
}

/** The follower's credentials belong to another venue than the signal's. Final for its orders. */
export class CredentialsVenueMismatchError extends EngineError {
  readonly code = 'executor_credentials_venue_mismatch' as const;
}

/** A signal the executor cannot turn into an order (amount not a positive number, ...). */
export class InvalidSignalError extends EngineError {
  readonly code = 'executor_invalid_signal' as const;
}

/** A Hyperliquid market order needs a reference price and none could be had. */
export class NoReferencePriceError extends EngineError {
  readonly code = 'executor_no_reference_price' as const;
}

/** Setting the follower's leverage failed, so the order was not sent. */
export class LeverageFailedError extends EngineError {
  readonly code = 'executor_leverage_failed' as const;
}

/** Bad executor configuration (environment, shard numbers, URLs). Lists every problem at once. */
export class ExecutorConfigError extends EngineError {
  readonly code = 'executor_config_invalid' as const;
  constructor(readonly problems: readonly string[]) {
    super(`executor configuration invalid: ${problems.join('; ')}`);
  }
}
