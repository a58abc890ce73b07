// Table test of toErrorResponse: every known error class maps to its status and code; anything
// else is a generic 500 flagged unexpected, with no message or stack from the original error.
import { expect, test } from 'bun:test';
import {
  CredentialsVenueMismatchError, FollowExistsError, MasterKeyMissingError, SecretDecryptError, StoreNotFoundError, StoreValidationError,
} from '../../store';
import { toErrorResponse } from './error-response';
import { EngineApplyError, EntityNotFoundError, ForbiddenError, InvalidRequestError, UnauthorizedError } from './errors';

const cases: [string, unknown, string, number, string, boolean][] = [
  ['UnauthorizedError', new UnauthorizedError('no token'), 'UNKNOWN', 401, 'unauthorized', false],
  ['ForbiddenError', new ForbiddenError('scope'), 'UNKNOWN', 403, 'forbidden', false],
  ['EntityNotFoundError', new EntityNotFoundError('whale', 'w1'), 'UNKNOWN', 404, 'not_found', false],
  ['InvalidRequestError', new InvalidRequestError('bad'), 'UNKNOWN', 400, 'invalid_request', false],
  ['EngineApplyError', new EngineApplyError('whale', 'w1', 'whaleAdded'), 'UNKNOWN', 500, 'engine_apply_failed', true],
  ['StoreNotFoundError', new StoreNotFoundError('follow', 'f1'), 'UNKNOWN', 404, 'not_found', false],
  ['FollowExistsError', new FollowExistsError('w1', 'f1'), 'UNKNOWN', 409, 'follow_exists', false],
  ['StoreValidationError', new StoreValidationError('whale', 'w1', 'tradingViewSecret', 'is only for tradingview'), 'UNKNOWN', 400, 'invalid_request', false],
  ['CredentialsVenueMismatchError', new CredentialsVenueMismatchError('f1', 'hyperliquid', 'apiKey'), 'UNKNOWN', 400, 'credentials_venue_mismatch', false],
  ['MasterKeyMissingError', new MasterKeyMissingError('test'), 'UNKNOWN', 503, 'master_key_missing', false],
  ['Elysia PARSE', new Error('Bad Request'), 'PARSE', 400, 'malformed_body', false],
  ['Elysia NOT_FOUND', new Error('NOT_FOUND'), 'NOT_FOUND', 404, 'not_found', false],
  ['SecretDecryptError (server fault)', new SecretDecryptError('f1', 'binanceusdm', 1), 'UNKNOWN', 500, 'internal', true],
  ['plain Error', new Error('db exploded at /srv/x.ts:1'), 'UNKNOWN', 500, 'internal', true],
  ['a thrown string', 'boom', 'UNKNOWN', 500, 'internal', true],
];

test.each(cases)('%s', (_name, error, frameworkCode, status, code, unexpected) => {
  const mapped = toErrorResponse(error, frameworkCode);
  expect([mapped.status, mapped.body.error, mapped.unexpected]).toEqual([status, code, unexpected]);
  expect(typeof mapped.body.message).toBe('string');
});

test('a 500 body carries nothing from the original error', () => {
  const mapped = toErrorResponse(new Error('password=hunter2'), 'UNKNOWN');
  expect(mapped.body).toEqual({ error: 'internal', message: 'internal error' });
});

test('details name the entity and ids', () => {
  expect(toErrorResponse(new EntityNotFoundError('follower', 'f9'), 'UNKNOWN').body.details).toEqual({ entity: 'follower', id: 'f9' });
  expect(toErrorResponse(new FollowExistsError('w1', 'f1'), 'UNKNOWN').body.details).toEqual({ whaleId: 'w1', followerId: 'f1' });
});
