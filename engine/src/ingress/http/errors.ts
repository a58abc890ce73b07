// Error classes the HTTP API raises itself: each has a literal `code`, its HTTP status, a `cause`
// and optional `details` safe to show a client. Messages and details never carry secret values.

export interface ApiErrorOptions {
  readonly cause?: unknown;
  /** Client-facing detail (field paths, ids); never request values. */
  readonly details?: unknown;
}

export abstract class ApiError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  override readonly cause: unknown;
  readonly details: unknown;

  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.cause = options.cause;
    this.details = options.details;
  }
}

/** No bearer token, or one that is neither the admin token nor an issued token. */
export class UnauthorizedError extends ApiError {
  readonly code = 'unauthorized' as const;
  readonly status = 401;
}

/** A valid token whose scope does not cover the request. */
export class ForbiddenError extends ApiError {
  readonly code = 'forbidden' as const;
  readonly status = 403;
}

/** A whale, follower or follow the request names does not exist. */
export class EntityNotFoundError extends ApiError {
  readonly code = 'not_found' as const;
  readonly status = 404;
  constructor(readonly entity: string, readonly id: string, options: ApiErrorOptions = {}) {
    super(`${entity} ${id} not found`, { details: { entity, id }, ...options });
  }
}

/** A request that passed the schema but breaks a rule the schema cannot express (e.g. per-venue fields). */
export class InvalidRequestError extends ApiError {
  readonly code = 'invalid_request' as const;
  readonly status = 400;
}

/** The store write succeeded but the engine runtime failed to apply it (the record stays stored). */
export class EngineApplyError extends ApiError {
  readonly code = 'engine_apply_failed' as const;
  readonly status = 500;
  constructor(readonly entity: string, readonly id: string, readonly action: string, options: ApiErrorOptions = {}) {
    super(`${entity} ${id} was stored, but the engine failed to apply "${action}"`, { details: { entity, id, action }, ...options });
  }
}
