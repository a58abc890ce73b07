// Maps any error reaching the API's onError to a status and a JSON body {error, message, details?}.
// Pure; it must not log, and it never copies request values (they may be secrets) into a body.
import { ValidationError } from 'elysia';
import {
  CredentialsVenueMismatchError, FollowExistsError, MasterKeyMissingError, StoreNotFoundError, StoreValidationError,
} from '../../store';
import { ApiError } from './errors';
import { explainValueErrors, type FieldProblem, type ValueErrorLike } from './validation-details';

export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True for a 500 nobody anticipated: the caller reports it (the body stays generic). */
  unexpected: boolean;
}

const INTERNAL: ErrorBody = { error: 'internal', message: 'internal error' };
const expected = (status: number, body: ErrorBody): MappedError => ({ status, body, unexpected: false });

/** A schema's own `error` option: a message, or {path, message} where coercion loses the path. */
function customProblem(custom: unknown): Partial<FieldProblem> | undefined {
  if (typeof custom === 'string') return { message: custom };
  if (custom !== null && typeof custom === 'object') {
    const { path, message } = custom as Record<string, unknown>;
    if (typeof message === 'string') return typeof path === 'string' ? { path, message } : { message };
  }
  return undefined;
}

function validationProblems(error: ValidationError): FieldProblem[] {
  const problems = explainValueErrors(error.all as unknown as ValueErrorLike[]);
  const custom = customProblem(error.customError);
  if (custom === undefined) return problems;
  return problems.map((problem) => (problem.path === '' ? { path: custom.path ?? '', message: custom.message ?? problem.message } : problem));
}

const PLACES: Record<string, string> = { body: 'body', query: 'query string', params: 'path', headers: 'headers', cookie: 'cookies' };

/** `frameworkCode` is Elysia's code for the error (VALIDATION, PARSE, NOT_FOUND, UNKNOWN, ...). */
export function toErrorResponse(error: unknown, frameworkCode: string | number): MappedError {
  if (error instanceof ApiError) {
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return { status: error.status, body, unexpected: error.status >= 500 };
  }
  if (error instanceof ValidationError) {
    // A response that fails its own schema is the API's bug, not the client's.
    if (error.type === 'response') return { status: 500, body: INTERNAL, unexpected: true };
    const place = PLACES[error.type] ?? 'request';
    return expected(400, { error: 'validation_failed', message: `invalid ${place}`, details: validationProblems(error) });
  }
  if (frameworkCode === 'PARSE') return expected(400, { error: 'malformed_body', message: 'request body could not be parsed' });
  if (frameworkCode === 'NOT_FOUND') return expected(404, { error: 'not_found', message: 'no such route' });
  if (error instanceof StoreNotFoundError) {
    return expected(404, { error: 'not_found', message: error.message, details: { entity: error.entity, id: error.id } });
  }
  if (error instanceof FollowExistsError) {
    return expected(409, { error: 'follow_exists', message: error.message, details: { whaleId: error.whaleId, followerId: error.followerId } });
  }
  if (error instanceof StoreValidationError) {
    return expected(400, { error: 'invalid_request', message: error.message, details: { entity: error.entity, field: error.field } });
  }
  if (error instanceof CredentialsVenueMismatchError) {
    return expected(400, { error: 'credentials_venue_mismatch', message: error.message, details: { venue: error.venue } });
  }
  if (error instanceof MasterKeyMissingError) {
    return expected(503, { error: 'master_key_missing', message: 'the engine has no master key to seal credentials (ENGINE_MASTER_KEY)' });
  }
  return { status: 500, body: INTERNAL, unexpected: true };
}
