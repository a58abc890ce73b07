// Repository tests of follower portal accounts and login sessions on PGlite and real PostgreSQL:
// unique emails, lockout counters, linking a follower (and unlinking when it is deleted), expiring
// sessions that hand back the API tokens to revoke.
import { expect, test } from 'bun:test';
import { AccountEmailTakenError } from './repos/portal-accounts';
import { ApiKeyCredentials } from './secrets';
import { describeOnDrivers } from './testing/driver-suite';

const email = () => `acc-${crypto.randomUUID()}@Example.com`;

describeOnDrivers('portal accounts and login sessions', (env) => {
  test('accounts: lower-cased unique email (AccountEmailTakenError), lookups, link to a follower', async () => {
    const { followerAccounts, followers } = env().store;
    const address = email();
    const account = await followerAccounts.create({ email: address, name: 'Ann', passwordHash: '$argon2id$x' });
    expect(account).toMatchObject({ email: address.toLowerCase(), name: 'Ann', followerId: null, failedAttempts: 0, lockedUntil: null });
    await expect(followerAccounts.create({ email: address.toUpperCase(), name: 'Other', passwordHash: 'h' })).rejects.toBeInstanceOf(AccountEmailTakenError);
    expect((await followerAccounts.getByEmail(` ${address.toUpperCase()} `))?.id).toBe(account.id);
    const follower = await followers.create({ name: 'Ann', venue: 'binanceusdm', credentials: new ApiKeyCredentials({ apiKey: 'k', secret: 's' }) });
    expect((await followerAccounts.linkFollower(account.id, follower.id)).followerId).toBe(follower.id);
    await followers.delete(follower.id);
    expect((await followerAccounts.get(account.id))?.followerId).toBeNull();
  });

  test('accounts: failures lock after the policy count; success resets', async () => {
    const { followerAccounts } = env().store;
    const account = await followerAccounts.create({ email: email(), name: 'L', passwordHash: 'h' });
    const policy = { lockAfter: 2, lockMs: 60_000 };
    expect((await followerAccounts.recordFailedLogin(account.id, policy)).lockedUntil).toBeNull();
    const locked = await followerAccounts.recordFailedLogin(account.id, policy);
    expect(locked.failedAttempts).toBe(2);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await followerAccounts.recordSuccessfulLogin(account.id);
    expect(await followerAccounts.get(account.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  test('sessions: follower sessions have a token, operator sessions are keyed by their API token; expiry and sweep', async () => {
    const { followerAccounts, operators, loginSessions, tokens } = env().store;
    const account = await followerAccounts.create({ email: email(), name: 'S', passwordHash: 'h' });
    const operator = await operators.create({ email: email(), passwordHash: 'h' });
    const follower = await loginSessions.open({ subject: { kind: 'follower', accountId: account.id }, ttlMs: 60_000 });
    expect(follower.token).toMatch(/^wct_/);
    expect((await loginSessions.verify(follower.token!))?.subject).toEqual({ kind: 'follower', accountId: account.id });
    expect(await loginSessions.verify(`${follower.token}x`)).toBeNull();
    const issued = await tokens.issue({ scope: 'operator' });
    const op = await loginSessions.open({ subject: { kind: 'operator', operatorId: operator.id }, ttlMs: 1, apiTokenId: issued.record.id });
    expect(op.token).toBeNull();
    await Bun.sleep(5);
    expect(await loginSessions.byApiToken(issued.record.id)).toBeNull();
    expect(await loginSessions.sweepExpired()).toContain(issued.record.id);
    const attached = await loginSessions.attachApiToken(follower.session.id, issued.record.id);
    expect(attached.apiTokenId).toBe(issued.record.id);
    expect(await loginSessions.end(follower.session.id)).toBe(issued.record.id);
    expect(await loginSessions.verify(follower.token!)).toBeNull();
  });
});
