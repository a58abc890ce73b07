// Tests of /api/auth on a real PGlite store and the real venue simulator (ccxt key checks): operator
// sign-in with lockout and expiry, operator creation, follower sign-up, key check and key save.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ADMIN, openLoginHarness, type LoginHarness } from './login.test-support';
import { sweepExpiredSignIns } from './service';

let h: LoginHarness;
beforeAll(async () => { h = await openLoginHarness({ lockAfter: 3, lockMs: 400 }); });
afterAll(async () => { await h.close(); });

const PASSWORD = 'correct horse battery';
const newOperator = async (email: string) => {
  const reply = await h.call('POST', '/api/auth/operators', { body: { email, password: PASSWORD } });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};
const login = (email: string, password: string) => h.call('POST', '/api/auth/operator-login', { token: null, body: { email, password } });

describe('POST /api/auth/operators', () => {
  test('creates an operator with an argon2id hash; the email is stored lower-cased', async () => {
    const id = await newOperator('Ops.One@Example.com');
    const stored = await h.store.operators.get(id);
    expect(stored?.email).toBe('ops.one@example.com');
    expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
  });

  const refusals: [string, string | null, unknown, number, string][] = [
    ['no token', null, { email: 'a@b.c', password: PASSWORD }, 401, 'unauthorized'],
    ['unknown token', 'nope', { email: 'a@b.c', password: PASSWORD }, 401, 'unauthorized'],
    ['short password', ADMIN, { email: 'a@b.c', password: 'short' }, 400, 'invalid_request'],
    ['not an email', ADMIN, { email: 'abc', password: PASSWORD }, 400, 'validation_failed'],
    ['extra field', ADMIN, { email: 'a@b.c', password: PASSWORD, admin: true }, 400, 'validation_failed'],
  ];
  test.each(refusals)('%s -> %d %s', async (_case, token, body, status, code) => {
    const reply = await h.call('POST', '/api/auth/operators', { token, body });
    expect([reply.status, reply.body.error]).toEqual([status, code]);
  });

  test('a taken email is 409, case-insensitively', async () => {
    await newOperator('taken@example.com');
    const reply = await h.call('POST', '/api/auth/operators', { body: { email: 'TAKEN@example.com', password: PASSWORD } });
    expect([reply.status, reply.body.error]).toEqual([409, 'email_taken']);
  });

  test('a follower-scoped token cannot create operators', async () => {
    const acc = await h.simAccount('binanceusdm', 1000);
    const signup = await h.call('POST', '/api/auth/follower-signup', { token: null, body: { email: 'f-op@example.com', password: PASSWORD, name: 'f' } });
    const saved = await h.call('POST', '/api/auth/follower-key', { token: signup.body.accountToken, body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret } });
    for (const token of [saved.body.token, signup.body.accountToken]) {
      const reply = await h.call('POST', '/api/auth/operators', { token, body: { email: 'x@example.com', password: PASSWORD } });
      expect(reply.status).toBe(403);
    }
  });
});

describe('POST /api/auth/operator-login', () => {
  test('the right password answers an operator token tied to an expiring session', async () => {
    const id = await newOperator('login@example.com');
    const reply = await login('LOGIN@example.com', PASSWORD);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ operatorId: id, email: 'login@example.com' });
    expect(new Date(reply.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const record = await h.store.tokens.verify(reply.body.token);
    expect(record?.scope).toBe('operator');
    const session = await h.call('GET', '/api/auth/session', { token: reply.body.token });
    expect(session.body).toEqual({ kind: 'operator', operatorId: id, email: 'login@example.com', expiresAt: reply.body.expiresAt });
  });

  test('unknown email and wrong password get the same answer', async () => {
    await newOperator('same@example.com');
    const unknown = await login('nobody@example.com', PASSWORD);
    const wrong = await login('same@example.com', 'wrong password!');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body).toEqual(wrong.body);
  });

  test('locks after 3 failures (even the right password is refused), unlocks after lockMs and resets the counter', async () => {
    const id = await newOperator('lock@example.com');
    expect((await login('lock@example.com', 'wrong-1-xxxxx')).status).toBe(401);
    expect((await login('lock@example.com', 'wrong-2-xxxxx')).status).toBe(401);
    const third = await login('lock@example.com', 'wrong-3-xxxxx');
    expect([third.status, third.body.error]).toEqual([423, 'account_locked']);
    expect(third.body.details.retryAfterSeconds).toBe(1);
    expect((await login('lock@example.com', PASSWORD)).status).toBe(423);
    const audit = await h.store.audit.list({ target: id });
    expect(audit.map((a) => a.action)).toContain('operator.locked');
    await Bun.sleep(450);
    expect((await login('lock@example.com', PASSWORD)).status).toBe(200);
    expect((await h.store.operators.get(id))?.failedAttempts).toBe(0);
  });

  test('logout revokes the token; a second logout is harmless', async () => {
    await newOperator('logout@example.com');
    const { token } = (await login('logout@example.com', PASSWORD)).body;
    expect((await h.call('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await h.store.tokens.verify(token)).toBeNull();
    expect((await h.call('POST', '/api/auth/logout', { token })).status).toBe(401);
  });

  test('the admin token is no sign-in session', async () => {
    const reply = await h.call('GET', '/api/auth/session');
    expect([reply.status, reply.body.error]).toEqual([401, 'unauthorized']);
  });
});

test('expired sign-ins are swept at the next sign-in and their tokens revoked', async () => {
  const short = await openLoginHarness({ sessionTtlMs: 150 });
  try {
    await short.call('POST', '/api/auth/operators', { body: { email: 'ttl@example.com', password: PASSWORD } });
    const first = await short.call('POST', '/api/auth/operator-login', { token: null, body: { email: 'ttl@example.com', password: PASSWORD } });
    expect(await short.store.tokens.verify(first.body.token)).not.toBeNull();
    await Bun.sleep(200);
    expect((await short.call('GET', '/api/auth/session', { token: first.body.token })).status).toBe(401);
    await short.call('POST', '/api/auth/operator-login', { token: null, body: { email: 'ttl@example.com', password: PASSWORD } });
    expect(await short.store.tokens.verify(first.body.token)).toBeNull();
    // The same sweep on a timer: a second sign-in expires and is revoked without any further sign-in.
    const second = await short.call('POST', '/api/auth/operator-login', { token: null, body: { email: 'ttl@example.com', password: PASSWORD } });
    expect(await sweepExpiredSignIns(short.store)).toBe(0);
    await Bun.sleep(200);
    expect(await sweepExpiredSignIns(short.store)).toBeGreaterThanOrEqual(1);
    expect(await short.store.tokens.verify(second.body.token)).toBeNull();
  } finally {
    await short.close();
  }
});

describe('follower portal accounts', () => {
  test('sign-up answers a portal session without a follower; the email is unique case-insensitively', async () => {
    const reply = await h.call('POST', '/api/auth/follower-signup', { token: null, body: { email: 'Ann@Example.com', password: PASSWORD, name: 'Ann' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ email: 'ann@example.com', name: 'Ann', followerId: null, token: null });
    expect(reply.body.accountToken).toMatch(/^wct_/);
    const again = await h.call('POST', '/api/auth/follower-signup', { token: null, body: { email: 'ANN@example.com', password: PASSWORD, name: 'Ann 2' } });
    expect([again.status, again.body.error]).toEqual([409, 'email_taken']);
    const session = await h.call('GET', '/api/auth/session', { token: reply.body.accountToken });
    expect(session.body).toMatchObject({ kind: 'follower', accountId: reply.body.accountId, followerId: null });
  });

  test('a rejected key saves nothing; a working key creates the follower, starts it and answers a follower token', async () => {
    const signup = (await h.call('POST', '/api/auth/follower-signup', { token: null, body: { email: 'bob@example.com', password: PASSWORD, name: 'Bob' } })).body;
    const acc = await h.simAccount('binanceusdm', 2500);
    const followersBefore = (await h.store.followers.list()).length;
    const bad = await h.call('POST', '/api/auth/follower-key', { token: signup.accountToken, body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: 'not-the-secret' } });
    expect([bad.status, bad.body.error]).toEqual([422, 'key_check_failed']);
    expect(bad.body.details.reason).toContain('rejected the key');
    expect((await h.store.followers.list()).length).toBe(followersBefore);
    h.control.take();
    const good = await h.call('POST', '/api/auth/follower-key', { token: signup.accountToken, body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret } });
    expect(good.status).toBe(200);
    expect(good.body.balance).toEqual({ currency: 'USDT', total: 2500, free: 2500 });
    const followerId = good.body.followerId;
    expect(h.control.take()).toEqual([['followerAdded', followerId]]);
    expect((await h.store.tokens.verify(good.body.token))).toMatchObject({ scope: 'follower', followerId });
    expect((await h.store.followerAccounts.get(signup.accountId))?.followerId).toBe(followerId);
    const stored = await h.store.followers.credentials(followerId);
    expect(stored.kind === 'apiKey' && stored.secret).toBe(acc.secret);
    // Signing in again answers both tokens and the follower.
    const again = await h.call('POST', '/api/auth/follower-login', { token: null, body: { email: 'bob@example.com', password: PASSWORD } });
    expect(again.body).toMatchObject({ followerId, name: 'Bob' });
    expect(await h.store.tokens.verify(again.body.token)).toMatchObject({ followerId });
    // A second save on the same session rotates the key and issues no new token.
    const rotated = await h.call('POST', '/api/auth/follower-key', { token: signup.accountToken, body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret } });
    expect([rotated.status, rotated.body.followerId, rotated.body.token]).toEqual([200, followerId, null]);
    const other = await h.simAccount('hyperliquid', 100);
    const wrongVenue = await h.call('POST', '/api/auth/follower-key', { token: signup.accountToken, body: { venue: 'hyperliquid', address: other.address, privateKey: other.privateKey } });
    expect([wrongVenue.status, wrongVenue.body.error]).toEqual([400, 'invalid_request']);
    expect(h.responses.some((text) => text.includes(acc.secret))).toBe(false);
    const audit = JSON.stringify(await h.store.audit.list({ limit: 500 }));
    expect(audit).not.toContain(acc.secret);
  });

  test('only a portal session saves a key', async () => {
    const acc = await h.simAccount('binanceusdm', 100);
    const reply = await h.call('POST', '/api/auth/follower-key', { body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret } });
    expect([reply.status, reply.body.error]).toEqual([403, 'forbidden']);
  });
});

describe('POST /api/auth/check-key (ccxt against the simulator)', () => {
  test('hyperliquid: the key of the address passes with its balance; an invalid or foreign key fails', async () => {
    const acc = await h.simAccount('hyperliquid', 1234.5);
    const other = await h.simAccount('hyperliquid', 1);
    const ok = await h.call('POST', '/api/auth/check-key', { body: { venue: 'hyperliquid', address: acc.address, privateKey: acc.privateKey } });
    expect(ok.body).toEqual({ ok: true, balance: { currency: 'USDC', total: 1234.5, free: 1234.5 } });
    const invalid = await h.call('POST', '/api/auth/check-key', { body: { venue: 'hyperliquid', address: acc.address, privateKey: `0x${'0'.repeat(64)}` } });
    expect(invalid.body).toEqual({ ok: false, error: 'the private key is not a valid secp256k1 key' });
    // Another registered account's key is a known signer, but not the address's key nor its API wallet.
    const foreign = await h.call('POST', '/api/auth/check-key', { body: { venue: 'hyperliquid', address: acc.address, privateKey: other.privateKey } });
    expect(foreign.body.ok).toBe(false);
    expect(foreign.body.error).toContain('API wallet');
  });

  test('binanceusdm: a wrong secret fails with the reason; no token is 401; a follower API token is 403', async () => {
    const acc = await h.simAccount('binanceusdm', 10);
    const bad = await h.call('POST', '/api/auth/check-key', { body: { venue: 'binanceusdm', apiKey: acc.apiKey, secret: 'wrong' } });
    expect(bad.body).toEqual({ ok: false, error: 'the venue rejected the key (authentication failed)' });
    expect((await h.call('POST', '/api/auth/check-key', { token: null, body: { venue: 'binanceusdm', apiKey: 'a', secret: 'b' } })).status).toBe(401);
    const follower = await h.store.followers.list();
    const { token } = await h.store.tokens.issue({ scope: 'follower', followerId: follower[0]!.id });
    expect((await h.call('POST', '/api/auth/check-key', { token, body: { venue: 'binanceusdm', apiKey: 'a', secret: 'b' } })).status).toBe(403);
  });
});

describe('pure helpers', () => {
  test('addressOfPrivateKey: a known vector, and invalid keys', async () => {
    const { addressOfPrivateKey } = await import('./key-check');
    // The well-known Hardhat account #0.
    expect(addressOfPrivateKey('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')).toBe('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
    expect(addressOfPrivateKey(`0x${'0'.repeat(64)}`)).toBeUndefined();
    expect(addressOfPrivateKey('0xzz')).toBeUndefined();
  });

  test.each([
    [null, 1000, 0], [new Date(900), 1000, 0], [new Date(1000), 1000, 0], [new Date(1500), 1000, 500],
  ] as const)('lockRemainingMs(%p, %p) -> %p', async (lockedUntil, now, remaining) => {
    const { lockRemainingMs } = await import('./passwords');
    expect(lockRemainingMs(lockedUntil, now)).toBe(remaining);
  });

  test('verifyPassword accepts only argon2id hashes', async () => {
    const { hashPassword, verifyPassword } = await import('./passwords');
    const hash = await hashPassword('pw-0123456789', { argon2: { memoryCost: 4096, timeCost: 2 } });
    expect(await verifyPassword('pw-0123456789', hash)).toBe(true);
    expect(await verifyPassword('pw-012345678', hash)).toBe(false);
    expect(await verifyPassword('pw', await Bun.password.hash('pw', 'bcrypt'))).toBe(false);
    expect(await verifyPassword('pw', 'garbage')).toBe(false);
  });
});

test('no request of this file ended in an unexpected error', () => {
  expect(h.reported).toEqual([]);
});
