// Error classes of sign-in and sign-up: each an ApiError with a literal code and its HTTP status.
// Messages never say whether an email exists (except "taken" at sign-up) and never carry a password.
import { ApiError, type ApiErrorOptions } from '../http/errors';

/** Unknown email or wrong password: one answer for both. */
export class InvalidCredentialsError extends ApiError {
  readonly code = 'invalid_credentials' as const;
  readonly status = 401;
  constructor(options: ApiErrorOptions = {}) {
    super('email or password is wrong', options);
  }
}

/** Too many failed sign-ins: the account is locked for a while. */
export class AccountLockedError extends ApiError {
  readonly code = 'account_locked' as const;
  readonly status = 423;
  constructor(readonly retryAfterSeconds: number, options: ApiErrorOptions = {}) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s`, { details: { retryAfterSeconds }, ...options });
  }
}

export class EmailTakenError extends ApiError {
  readonly code = 'email_taken' as const;
  readonly status = 409;
  constructor(options: ApiErrorOptions = {}) {
    super('an account with this email already exists', options);
  }
}

/** The venue key did not pass the connectivity and balance check; nothing was saved. */
export class KeyCheckFailedError extends ApiError {
  readonly code = 'key_check_failed' as const;
  readonly status = 422;
  constructor(readonly reason: string, options: ApiErrorOptions = {}) {
    super(`the key was not saved: ${reason}`, { details: { reason }, ...options });
  }
}
