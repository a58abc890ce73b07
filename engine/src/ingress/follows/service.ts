// Follows use cases: scope checks (a follower token manages only its own follows), existence of the
// whale and follower, store writes, audit, then followChanged/followRemoved. No HTTP Context here.
import type { FollowRecord } from '../../store';
import { followerScopeOf, requireFollowerAccess, requireStateChangeAllowed, type Principal } from '../auth/principal';
import { EntityNotFoundError } from '../http/errors';
import { applyToEngine, audit, fieldsOf, type ServiceDeps } from '../service-support';
import type { CreateFollowBody, FollowListQuery, FollowView, UpdateFollowBody } from './model';

export function toFollowView(follow: FollowRecord): FollowView {
  return {
    id: follow.id,
    whaleId: follow.whaleId,
    followerId: follow.followerId,
    sizing: { ...follow.sizing },
    caps: { ...follow.caps },
    leverage: { ...follow.leverage },
    symbols: {
      ...(follow.symbols.allow === undefined ? {} : { allow: [...follow.symbols.allow] }),
      ...(follow.symbols.deny === undefined ? {} : { deny: [...follow.symbols.deny] }),
    },
    existing: follow.existing,
    state: follow.state,
    createdAt: follow.createdAt.toISOString(),
  };
}

export class FollowService {
  constructor(private readonly deps: ServiceDeps) {}

  /** 404 when the whale or follower is unknown, 409 (FollowExistsError) when the pair already exists. */
  async create(principal: Principal, input: CreateFollowBody): Promise<{ id: string }> {
    requireFollowerAccess(principal, input.followerId);
    const { store, control } = this.deps;
    const [whale, follower] = await Promise.all([store.whales.get(input.whaleId), store.followers.get(input.followerId)]);
    if (whale === null) throw new EntityNotFoundError('whale', input.whaleId);
    if (follower === null) throw new EntityNotFoundError('follower', input.followerId);
    const { id } = await store.follows.create({
      whaleId: input.whaleId,
      followerId: input.followerId,
      sizing: input.sizing,
      caps: input.caps ?? {},
      leverage: input.leverage ?? { mode: 'copy' },
      symbols: input.symbols ?? {},
      existing: input.existing ?? 'copy_now',
      state: input.state,
    });
    await audit(this.deps, principal, 'follow.create', id, { whaleId: input.whaleId, followerId: input.followerId, sizing: input.sizing });
    await applyToEngine('follow', id, 'followChanged', () => control.followChanged(id));
    return { id };
  }

  async list(principal: Principal, query: FollowListQuery): Promise<FollowView[]> {
    const followerId = followerScopeOf(principal, query.followerId);
    const follows = await this.deps.store.follows.list({ whaleId: query.whaleId, followerId, state: query.state });
    return follows.map(toFollowView);
  }

  async get(principal: Principal, id: string): Promise<FollowView> {
    return toFollowView(await this.requireVisible(principal, id));
  }

  async update(principal: Principal, id: string, patch: UpdateFollowBody): Promise<FollowView> {
    const current = await this.requireVisible(principal, id);
    if (patch.state !== undefined) requireStateChangeAllowed(principal, current.state, patch.state);
    const { follows } = this.deps.store;
    const { state, ...settings } = patch;
    let updated = await follows.update(id, settings);
    if (state !== undefined) updated = await follows.setState(id, state);
    await audit(this.deps, principal, 'follow.update', id, { fields: fieldsOf(patch) });
    await applyToEngine('follow', id, 'followChanged', () => this.deps.control.followChanged(id));
    return toFollowView(updated);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const follow = await this.requireVisible(principal, id);
    if (!(await this.deps.store.follows.delete(id))) throw new EntityNotFoundError('follow', id);
    await audit(this.deps, principal, 'follow.delete', id, { whaleId: follow.whaleId, followerId: follow.followerId });
    await applyToEngine('follow', id, 'followRemoved', () => this.deps.control.followRemoved(id));
  }

  /** The follow, when it exists and the principal may see it (403 for another follower's follow). */
  private async requireVisible(principal: Principal, id: string): Promise<FollowRecord> {
    const follow = await this.deps.store.follows.get(id);
    if (follow === null) throw new EntityNotFoundError('follow', id);
    requireFollowerAccess(principal, follow.followerId);
    return follow;
  }
}
