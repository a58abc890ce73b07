// Sign-in use cases: operator and follower-account login with lockout, sign-up, operator creation,
// the venue key check and saving a checked key as the account's follower. No HTTP Context here;
// passwords and keys never reach a view, the audit log or an error message.
import { AccountEmailTakenError, ApiKeyCredentials, WalletCredentials, type FollowerAccount, type LoginSession, type Store } from '../../store';
import type { Authenticate } from '../auth/authenticate';
import { requireOperator, type Principal } from '../auth/principal';
import type { EngineControl } from '../engine-control';
import { ForbiddenError, InvalidRequestError, UnauthorizedError } from '../http/errors';
import { bearerTokenOf } from '../auth/authenticate';
import { AccountLockedError, EmailTakenError, InvalidCredentialsError, KeyCheckFailedError } from './errors';
import type { CheckKey, KeyCheckResult } from './key-check';
import type { Credentials, FollowerKeySaved, FollowerSession, FollowerSignupBody, OperatorSession, SessionView, VenueKeyBody } from './model';
import { decoyHash, hashPassword, lockRemainingMs, verifyPassword, type LoginPolicy } from './passwords';

export interface LoginServiceDeps {
  readonly store: Store;
  readonly control: EngineControl;
  readonly authenticate: Authenticate;
  readonly checkKey: CheckKey;
  readonly policy: LoginPolicy;
  readonly nowMs: () => number;
}

/** Who called a session route: a follower portal session, or a principal of the regular API. */
export type Caller =
  | { readonly kind: 'account'; readonly session: LoginSession; readonly account: FollowerAccount }
  | { readonly kind: 'principal'; readonly principal: Principal; readonly apiTokenId: string | null };

interface Lockable { id: string; passwordHash: string; lockedUntil: Date | null; failedAttempts: number }

/**
 * Ends every sign-in expired at `nowMs` and revokes the API tokens they issued; returns how many.
 * Runs before each sign-in; the engine may also run it on a timer so expired tokens stop at once.
 */
export async function sweepExpiredSignIns(store: Pick<Store, 'loginSessions' | 'tokens'>, nowMs = Date.now()): Promise<number> {
  const expired = await store.loginSessions.sweepExpired(new Date(nowMs));
  for (const id of expired) await store.tokens.revoke(id);
  return expired.length;
}

const credentialsOf = (body: VenueKeyBody) => (body.venue === 'binanceusdm'
  ? { apiKey: body.apiKey, secret: body.secret }
  : { address: body.address.toLowerCase(), privateKey: body.privateKey });

export class LoginService {
  private decoy: Promise<string> | undefined;

  constructor(private readonly deps: LoginServiceDeps) {}

  /** Ends expired sign-ins and revokes the API tokens they issued; returns how many tokens were revoked. */
  sweepExpired(): Promise<number> {
    return sweepExpiredSignIns(this.deps.store, this.deps.nowMs());
  }

  async operatorLogin(input: Credentials): Promise<OperatorSession> {
    await this.sweepExpired();
    const { operators, tokens, loginSessions } = this.deps.store;
    const operator = await this.checkPassword(await operators.getByEmail(input.email), input.password, operators, 'operator');
    const { token, record } = await tokens.issue({ scope: 'operator' });
    const { session } = await loginSessions.open({ subject: { kind: 'operator', operatorId: operator.id }, ttlMs: this.deps.policy.sessionTtlMs, apiTokenId: record.id });
    await this.audit(`operator:${operator.id}`, 'operator.login', operator.id, { tokenId: record.id });
    return { token, operatorId: operator.id, email: operator.email, expiresAt: session.expiresAt.toISOString() };
  }

  async createOperator(caller: Caller, input: Credentials): Promise<{ id: string; email: string }> {
    if (caller.kind !== 'principal') throw new ForbiddenError('this route needs an operator token');
    const { principal } = caller;
    requireOperator(principal);
    this.requirePasswordLength(input.password);
    const { operators } = this.deps.store;
    if (await operators.getByEmail(input.email) !== null) throw new EmailTakenError();
    const operator = await operators.create({ email: input.email, passwordHash: await hashPassword(input.password, this.deps.policy) });
    await this.audit(principal.actor, 'operator.create', operator.id, { email: operator.email });
    return { id: operator.id, email: operator.email };
  }

  async followerSignup(input: FollowerSignupBody): Promise<FollowerSession> {
    this.requirePasswordLength(input.password);
    let account: FollowerAccount;
    try {
      account = await this.deps.store.followerAccounts.create({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password, this.deps.policy) });
    } catch (cause) {
      if (cause instanceof AccountEmailTakenError) throw new EmailTakenError({ cause });
      throw cause;
    }
    await this.audit(`account:${account.id}`, 'account.signup', account.id, { email: account.email });
    return this.openFollowerSession(account);
  }

  async followerLogin(input: Credentials): Promise<FollowerSession> {
    await this.sweepExpired();
    const { followerAccounts } = this.deps.store;
    const account = await this.checkPassword(await followerAccounts.getByEmail(input.email), input.password, followerAccounts, 'account');
    await this.audit(`account:${account.id}`, 'account.login', account.id);
    return this.openFollowerSession(account);
  }

  /** The caller of a session route: a portal session token first, then the regular API's tokens. */
  async caller(authorization: string | undefined | null): Promise<Caller> {
    const bearer = bearerTokenOf(authorization);
    if (bearer !== undefined) {
      const session = await this.deps.store.loginSessions.verify(bearer);
      if (session !== null && session.subject.kind === 'follower') {
        const account = await this.deps.store.followerAccounts.get(session.subject.accountId);
        if (account !== null) return { kind: 'account', session, account };
      }
    }
    const principal = await this.deps.authenticate(authorization);
    const apiTokenId = principal.actor.startsWith('token:') ? principal.actor.slice('token:'.length) : null;
    return { kind: 'principal', principal, apiTokenId };
  }

  /** Operators and portal accounts may check a key; follower API tokens may not (they rotate keys by PATCH). */
  async checkKey(caller: Caller, body: VenueKeyBody): Promise<KeyCheckResult> {
    if (caller.kind === 'principal') requireOperator(caller.principal);
    return this.deps.checkKey(body.venue, credentialsOf(body));
  }

  /** Checks the key, then creates the account's follower (or replaces its key) and starts it in the engine. */
  async saveFollowerKey(caller: Caller, body: VenueKeyBody): Promise<FollowerKeySaved> {
    if (caller.kind !== 'account') throw new ForbiddenError('only a follower portal session saves its own venue key');
    const { store, control } = this.deps;
    const result = await this.deps.checkKey(body.venue, credentialsOf(body));
    if (!result.ok) throw new KeyCheckFailedError(result.error);
    const credentials = body.venue === 'binanceusdm'
      ? new ApiKeyCredentials({ apiKey: body.apiKey, secret: body.secret })
      : new WalletCredentials({ address: body.address.toLowerCase(), privateKey: body.privateKey });
    const actor = `account:${caller.account.id}`;
    const existing = caller.account.followerId === null ? null : await store.followers.get(caller.account.followerId);
    let followerId: string;
    if (existing === null) {
      followerId = (await store.followers.create({ name: caller.account.name, venue: body.venue, credentials })).id;
      await store.followerAccounts.linkFollower(caller.account.id, followerId);
      await this.audit(actor, 'follower.create', followerId, { venue: body.venue, via: 'portal' });
    } else {
      if (existing.venue !== body.venue) {
        throw new InvalidRequestError(`this account trades on ${existing.venue}; a ${body.venue} key cannot replace its key`, { details: [{ path: '/venue', message: `must be ${existing.venue}` }] });
      }
      followerId = existing.id;
      await store.followers.setCredentials(followerId, credentials);
      await this.audit(actor, 'follower.update', followerId, { fields: ['credentials'], via: 'portal' });
    }
    await control.followerAdded(followerId);
    let token: string | null = null;
    const current = caller.session.apiTokenId === null ? null : (await store.tokens.list({ followerId })).find((t) => t.id === caller.session.apiTokenId);
    if (current === undefined || current === null) {
      const issued = await store.tokens.issue({ scope: 'follower', followerId });
      await store.loginSessions.attachApiToken(caller.session.id, issued.record.id);
      token = issued.token;
    }
    return { followerId, token, balance: result.balance };
  }

  async session(caller: Caller): Promise<SessionView> {
    if (caller.kind === 'account') return this.accountView(caller.account, caller.session);
    const session = caller.apiTokenId === null ? null : await this.deps.store.loginSessions.byApiToken(caller.apiTokenId);
    if (session === null || session.subject.kind !== 'operator') throw new UnauthorizedError('this token is not a sign-in session');
    const operator = await this.deps.store.operators.get(session.subject.operatorId);
    if (operator === null) throw new UnauthorizedError('the operator of this session no longer exists');
    return { kind: 'operator', operatorId: operator.id, email: operator.email, expiresAt: session.expiresAt.toISOString() };
  }

  /** Ends the caller's sign-in and revokes the API token it issued; a token that is no sign-in is left alone. */
  async logout(caller: Caller): Promise<void> {
    const { loginSessions, tokens } = this.deps.store;
    const session = caller.kind === 'account' ? caller.session
      : caller.apiTokenId === null ? null : await loginSessions.byApiToken(caller.apiTokenId);
    if (session === null) return;
    const apiTokenId = await loginSessions.end(session.id);
    if (apiTokenId !== null) await tokens.revoke(apiTokenId);
  }

  private async openFollowerSession(account: FollowerAccount): Promise<FollowerSession> {
    const { store, policy } = this.deps;
    const follower = account.followerId === null ? null : await store.followers.get(account.followerId);
    const issued = follower === null ? null : await store.tokens.issue({ scope: 'follower', followerId: follower.id });
    const { session, token } = await store.loginSessions.open({ subject: { kind: 'follower', accountId: account.id }, ttlMs: policy.sessionTtlMs, apiTokenId: issued?.record.id ?? null });
    const { kind: _kind, ...view } = this.accountView({ ...account, followerId: follower?.id ?? null }, session);
    return { ...view, accountToken: token!, token: issued?.token ?? null };
  }

  private accountView(account: FollowerAccount, session: LoginSession): Extract<SessionView, { kind: 'follower' }> {
    return { kind: 'follower', accountId: account.id, email: account.email, name: account.name, followerId: account.followerId, expiresAt: session.expiresAt.toISOString() };
  }

  /** The account when the password matches; counts failures, locks, and answers the same for unknown emails. */
  private async checkPassword<T extends Lockable>(
    found: T | null, password: string,
    repo: { recordFailedLogin(id: string, policy: { lockAfter: number; lockMs: number }): Promise<T>; recordSuccessfulLogin(id: string): Promise<void> },
    kind: 'operator' | 'account',
  ): Promise<T> {
    const { policy } = this.deps;
    if (found === null) {
      this.decoy ??= decoyHash(policy);
      await verifyPassword(password, await this.decoy);
      throw new InvalidCredentialsError();
    }
    const locked = lockRemainingMs(found.lockedUntil, this.deps.nowMs());
    if (locked > 0) throw new AccountLockedError(Math.ceil(locked / 1000));
    if (await verifyPassword(password, found.passwordHash)) {
      if (found.failedAttempts > 0 || found.lockedUntil !== null) await repo.recordSuccessfulLogin(found.id);
      return found;
    }
    const updated = await repo.recordFailedLogin(found.id, { lockAfter: policy.lockAfter, lockMs: policy.lockMs });
    const nowLocked = lockRemainingMs(updated.lockedUntil, this.deps.nowMs());
    if (nowLocked > 0) {
      await this.audit(`${kind}:${found.id}`, `${kind}.locked`, found.id, { failedAttempts: updated.failedAttempts });
      throw new AccountLockedError(Math.ceil(nowLocked / 1000));
    }
    throw new InvalidCredentialsError();
  }

  private requirePasswordLength(password: string): void {
    const min = this.deps.policy.minPasswordLength;
    if (password.length < min) {
      throw new InvalidRequestError(`the password needs at least ${min} characters`, { details: [{ path: '/password', message: `at least ${min} characters` }] });
    }
  }

  private async audit(actor: string, action: string, target: string, detail: Record<string, unknown> | null = null): Promise<void> {
    await this.deps.store.audit.append({ actor, action, target, detail });
  }
}
