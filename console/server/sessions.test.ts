// Tests of sessions, cookies and the CSRF rule: signed ids, realms, expiry, the cap, cookie attributes,
// and a table of CSRF cases including the nasty ones (wrong token, other origin, 'null' origin).
import { describe, expect, test } from 'bun:test';
import { parseCookies, sessionCookie } from './cookies';
import { csrfRefusal, isStateChanging } from './csrf';
import { SessionStore, type SessionIdentity } from './sessions';

const who: SessionIdentity = { email: 'a@b.c', name: 'a', engineToken: 't', accountToken: null, followerId: null, accountId: null };

describe('SessionStore', () => {
  test('a cookie resolves only in its realm and only with a valid signature', () => {
    const store = new SessionStore({ secret: 's'.repeat(32), ttlMs: 1000 });
    const { session, cookie } = store.create('console', who);
    expect(store.resolve('console', cookie)?.id).toBe(session.id);
    expect(store.resolve('portal', cookie)).toBeUndefined();
    expect(store.resolve('console', `${session.id}.forged`)).toBeUndefined();
    expect(store.resolve('console', session.id)).toBeUndefined();
    expect(store.resolve('console', undefined)).toBeUndefined();
    const other = new SessionStore({ secret: 'x'.repeat(32), ttlMs: 1000 });
    expect(other.resolve('console', cookie)).toBeUndefined();
  });

  test('sessions expire (anonymous ones sooner) and the cap evicts the oldest', () => {
    let now = 0;
    const store = new SessionStore({ secret: 's'.repeat(32), ttlMs: 1000, anonymousTtlMs: 100, maxSessions: 3, nowMs: () => now });
    const anon = store.create('portal', null);
    const signed = store.create('portal', who);
    now = 100;
    expect(store.resolve('portal', anon.cookie)).toBeUndefined();
    expect(store.resolve('portal', signed.cookie)).toBeDefined();
    const a = store.create('portal', who);
    store.create('portal', who);
    const removed = store.create('portal', who);
    expect(store.size).toBe(3);
    expect(store.resolve('portal', signed.cookie)).toBeUndefined();
    expect(store.resolve('portal', a.cookie)).toBeDefined();
    expect(store.resolve('portal', removed.cookie)).toBeDefined();
    now = 1100;
    expect(store.evict().length).toBe(3);
  });

  test('refuses a short secret', () => {
    expect(() => new SessionStore({ secret: 'short', ttlMs: 1 })).toThrow(TypeError);
  });
});

describe('cookies', () => {
  test('parse: first value wins, malformed escapes are skipped', () => {
    const jar = parseCookies('a=1; b=%zz; a=2; c=x%3Dy; =bad; d');
    expect([...jar]).toEqual([['a', '1'], ['c', 'x=y']]);
    expect(parseCookies(null).size).toBe(0);
  });

  test('the session cookie is HttpOnly and SameSite=Strict', () => {
    expect(sessionCookie('wc', 'v;1', { path: '/console', secure: false })).toBe('wc=v%3B1; Path=/console; HttpOnly; SameSite=Strict');
    expect(sessionCookie('wc', '', { path: '/', secure: true, maxAge: 0 })).toBe('wc=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0');
  });
});

describe('csrfRefusal', () => {
  const store = new SessionStore({ secret: 's'.repeat(32), ttlMs: 1000 });
  const { session } = store.create('console', who);
  const own = 'http://127.0.0.1:3100';
  const cases: [string, Parameters<typeof csrfRefusal>[0], string | undefined][] = [
    ['header token', { session, headerToken: session.csrf, formToken: null, origin: own, ownOrigin: own }, undefined],
    ['form token, no Origin', { session, headerToken: null, formToken: session.csrf, origin: null, ownOrigin: own }, undefined],
    ['missing token', { session, headerToken: null, formToken: null, origin: own, ownOrigin: own }, 'missing CSRF token'],
    ['empty token', { session, headerToken: '', formToken: null, origin: own, ownOrigin: own }, 'missing CSRF token'],
    ['wrong token', { session, headerToken: `${session.csrf}x`, formToken: null, origin: own, ownOrigin: own }, 'wrong CSRF token'],
    ['other origin', { session, headerToken: session.csrf, formToken: null, origin: 'http://evil.test', ownOrigin: own }, 'cross-origin request'],
    ["'null' origin", { session, headerToken: session.csrf, formToken: null, origin: 'null', ownOrigin: own }, 'cross-origin request'],
    ['no session', { session: undefined, headerToken: 'x', formToken: null, origin: own, ownOrigin: own }, 'no session'],
  ];
  test.each(cases)('%s', (_case, input, refusal) => expect(csrfRefusal(input)).toBe(refusal));
  test.each([['GET', false], ['head', false], ['OPTIONS', false], ['POST', true], ['DELETE', true], ['PATCH', true]] as const)('%s changes state: %p', (method, changing) => {
    expect(isStateChanging(method)).toBe(changing);
  });
});
