// API token use cases: operators issue (operator or follower scope), list and revoke tokens; a follower
// token lists only its own follower's tokens. The store keeps hashes only. No HTTP Context here.
import type { ApiToken } from '../../store';
import { requireOperator, type Principal } from '../auth/principal';
import { EntityNotFoundError } from '../http/errors';
import { audit, type ServiceDeps } from '../service-support';
import type { IssueTokenBody, IssuedToken, TokenView } from './model';

export const toTokenView = (token: ApiToken): TokenView => ({
  id: token.id, scope: token.scope, followerId: token.followerId,
  createdAt: token.createdAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});

export class TokenService {
  constructor(private readonly deps: ServiceDeps) {}

  async issue(principal: Principal, input: IssueTokenBody): Promise<IssuedToken> {
    requireOperator(principal);
    const { tokens, followers } = this.deps.store;
    if (input.scope === 'follower' && (await followers.get(input.followerId)) === null) throw new EntityNotFoundError('follower', input.followerId);
    const { token, record } = await tokens.issue(input);
    await audit(this.deps, principal, 'token.issue', record.id, { scope: record.scope, followerId: record.followerId });
    return { id: record.id, token, scope: record.scope, followerId: record.followerId };
  }

  async list(principal: Principal): Promise<TokenView[]> {
    const filter = principal.scope === 'follower' ? { followerId: principal.followerId } : {};
    return (await this.deps.store.tokens.list(filter)).map(toTokenView);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    requireOperator(principal);
    if (!(await this.deps.store.tokens.revoke(id))) throw new EntityNotFoundError('token', id);
    await audit(this.deps, principal, 'token.revoke', id);
  }
}
