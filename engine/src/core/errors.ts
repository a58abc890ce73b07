// Base error class of the engine: a literal `code`, a `cause` and the ids involved.
// Owns only error shapes; it must not log, format for users or decide retries.

/** Ids that identify what an error is about (followerId, whaleId, symbol, ...). */
export type ErrorIds = Readonly<Record<string, string | number | undefined>>;

export interface EngineErrorOptions {
  readonly cause?: unknown;
  readonly ids?: ErrorIds;
}

const NO_IDS: ErrorIds = Object.freeze({});

/**
 * Every engine error extends this and declares `readonly code = '...' as const`,
 * so handlers switch on `code`, never on message text.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;
  override readonly cause: unknown;
  readonly ids: ErrorIds;

  constructor(message: string, options: EngineErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.cause = options.cause;
    this.ids = options.ids ?? NO_IDS;
  }
}

/** A caller broke a function's documented precondition (a bug, not a market condition). */
export class InvalidArgumentError extends EngineError {
  readonly code = 'invalid_argument' as const;
}

/** A venue step or tick that cannot be used for rounding (not finite, not positive, too fine). */
export class InvalidStepError extends EngineError {
  readonly code = 'invalid_step' as const;
}
