// Table tests of bearer parsing, the constant-time compare and the pure scope checks.
import { describe, expect, test } from 'bun:test';
import { ForbiddenError } from '../http/errors';
import { bearerTokenOf, constantTimeEqual, createAuthenticator } from './authenticate';
import { followerScopeOf, requireFollowerAccess, requireOperator, requireStateChangeAllowed, type Principal } from './principal';

describe('bearerTokenOf', () => {
  const cases: [string | undefined | null, string | undefined][] = [
    ['Bearer abc', 'abc'], ['bearer abc', 'abc'], ['BEARER\tabc', 'abc'], ['Bearer   abc  ', 'abc'],
    ['Bearer', undefined], ['Bearer ', undefined], ['Basic abc', undefined], ['Bearer a b', undefined],
    ['abc', undefined], ['', undefined], [undefined, undefined], [null, undefined],
  ];
  test.each(cases)('%p -> %p', (header, token) => expect(bearerTokenOf(header)).toBe(token));
});

describe('constantTimeEqual', () => {
  test.each([
    ['same', 'same', true], ['same', 'samE', false], ['short', 'shorter', false], ['', '', true], ['a', '', false],
  ] as const)('%p vs %p -> %p', (a, b, equal) => expect(constantTimeEqual(a, b)).toBe(equal));
});

test('createAuthenticator refuses an admin token shorter than 16 characters', () => {
  const tokens = { verify: async () => null };
  expect(() => createAuthenticator({ adminToken: 'short', tokens })).toThrow(TypeError);
  expect(() => createAuthenticator({ adminToken: '0123456789abcdef', tokens })).not.toThrow();
});

describe('scope checks', () => {
  const operator: Principal = { scope: 'operator', actor: 'admin' };
  const follower: Principal = { scope: 'follower', actor: 'token:t1', followerId: 'f1' };

  test('requireOperator', () => {
    expect(() => requireOperator(operator)).not.toThrow();
    expect(() => requireOperator(follower)).toThrow(ForbiddenError);
  });

  test('requireFollowerAccess', () => {
    expect(() => requireFollowerAccess(operator, 'f2')).not.toThrow();
    expect(() => requireFollowerAccess(follower, 'f1')).not.toThrow();
    expect(() => requireFollowerAccess(follower, 'f2')).toThrow(ForbiddenError);
  });

  test.each([
    [operator, undefined, undefined], [operator, 'f2', 'f2'], [follower, undefined, 'f1'], [follower, 'f1', 'f1'],
  ] as const)('followerScopeOf(%o, %p) -> %p', (principal, requested, scoped) => {
    expect(followerScopeOf(principal, requested)).toBe(scoped);
  });

  test('followerScopeOf refuses another follower', () => {
    expect(() => followerScopeOf(follower, 'f2')).toThrow(ForbiddenError);
  });

  test.each([
    ['active', 'reducing', true], ['active', 'halted', true], ['reducing', 'halted', true], ['halted', 'halted', true],
    ['halted', 'active', false], ['halted', 'reducing', false], ['reducing', 'active', false],
  ] as const)('follower state change %s -> %s allowed: %p (operators always)', (current, next, allowed) => {
    expect(() => requireStateChangeAllowed(operator, current, next)).not.toThrow();
    if (allowed) expect(() => requireStateChangeAllowed(follower, current, next)).not.toThrow();
    else expect(() => requireStateChangeAllowed(follower, current, next)).toThrow(ForbiddenError);
  });
});
