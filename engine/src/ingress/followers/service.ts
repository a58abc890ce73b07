// Followers use cases: scope checks, store writes (credentials sealed by the store), audit, then the
// engine. No HTTP Context here; secrets never reach a view, the audit log or an error message.
import { ApiKeyCredentials, WalletCredentials, type Follower, type VenueCredentials } from '../../store';
import {
  followerScopeOf, requireFollowerAccess, requireOperator, requireStateChangeAllowed, type Principal,
} from '../auth/principal';
import { EntityNotFoundError, InvalidRequestError } from '../http/errors';
import { applyToEngine, audit, fieldsOf, type ServiceDeps } from '../service-support';
import type { CreateFollowerBody, FollowerPositions, FollowerView, UpdateFollowerBody } from './model';

export function toFollowerView(follower: Follower): FollowerView {
  return {
    id: follower.id,
    name: follower.name,
    venue: follower.venue,
    address: follower.address,
    state: follower.state,
    lastError: follower.lastError,
    createdAt: follower.createdAt.toISOString(),
  };
}

const CREDENTIAL_FIELDS = {
  binanceusdm: ['apiKey', 'secret'],
  hyperliquid: ['address', 'privateKey'],
} as const satisfies Record<Follower['venue'], readonly (keyof UpdateFollowerBody)[]>;

/** New credentials from a patch, undefined when it sets none; rejects partial or other-venue fields. */
export function credentialsFromPatch(venue: Follower['venue'], patch: UpdateFollowerBody): VenueCredentials | undefined {
  const own: readonly string[] = CREDENTIAL_FIELDS[venue];
  const foreign = Object.values(CREDENTIAL_FIELDS).flat().filter((field) => !own.includes(field) && patch[field] !== undefined);
  if (foreign.length > 0) {
    throw new InvalidRequestError(`a ${venue} follower does not take ${foreign.join(', ')}`, {
      details: foreign.map((field) => ({ path: `/${field}`, message: `not allowed for a ${venue} follower` })),
    });
  }
  const missing = own.filter((field) => patch[field as keyof UpdateFollowerBody] === undefined);
  if (missing.length === own.length) return undefined;
  if (missing.length > 0) {
    throw new InvalidRequestError(`credentials are replaced whole: ${own.join(' and ')}`, {
      details: missing.map((field) => ({ path: `/${field}`, message: 'required with its pair' })),
    });
  }
  return venue === 'binanceusdm'
    ? new ApiKeyCredentials({ apiKey: patch.apiKey!, secret: patch.secret! })
    : new WalletCredentials({ address: patch.address!.toLowerCase(), privateKey: patch.privateKey! });
}

export class FollowerService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(principal: Principal, input: CreateFollowerBody): Promise<{ id: string }> {
    requireOperator(principal);
    const credentials = input.venue === 'binanceusdm'
      ? new ApiKeyCredentials({ apiKey: input.apiKey, secret: input.secret })
      : new WalletCredentials({ address: input.address.toLowerCase(), privateKey: input.privateKey });
    const { id } = await this.deps.store.followers.create({ name: input.name, venue: input.venue, credentials, state: input.state });
    await audit(this.deps, principal, 'follower.create', id, { venue: input.venue });
    await applyToEngine('follower', id, 'followerAdded', () => this.deps.control.followerAdded(id));
    return { id };
  }

  /** Operators see all followers; a follower token sees only itself. */
  async list(principal: Principal): Promise<FollowerView[]> {
    const own = followerScopeOf(principal, undefined);
    if (own === undefined) return (await this.deps.store.followers.list()).map(toFollowerView);
    const follower = await this.deps.store.followers.get(own);
    return follower === null ? [] : [toFollowerView(follower)];
  }

  async get(principal: Principal, id: string): Promise<FollowerView> {
    requireFollowerAccess(principal, id);
    return toFollowerView(await this.require(id));
  }

  /** A follower token may rename, rotate credentials and make its own follower more cautious (not resume it). */
  async update(principal: Principal, id: string, patch: UpdateFollowerBody): Promise<FollowerView> {
    requireFollowerAccess(principal, id);
    const { followers } = this.deps.store;
    const follower = await this.require(id);
    if (patch.state !== undefined) requireStateChangeAllowed(principal, follower.state, patch.state);
    const credentials = credentialsFromPatch(follower.venue, patch);
    if (patch.name !== undefined) await followers.rename(id, patch.name);
    if (credentials !== undefined) await followers.setCredentials(id, credentials);
    if (patch.state !== undefined) await followers.setState(id, patch.state);
    await audit(this.deps, principal, 'follower.update', id, { fields: fieldsOf(patch) });
    await applyToEngine('follower', id, 'followerAdded', () => this.deps.control.followerAdded(id));
    return toFollowerView(await this.require(id));
  }

  /** Operator only. Deletes the follower, its follows and tokens (cascade); followRemoved for each, then followerRemoved. */
  async remove(principal: Principal, id: string): Promise<void> {
    requireOperator(principal);
    const { store, control } = this.deps;
    const follows = await store.follows.list({ followerId: id });
    if (!(await store.followers.delete(id))) throw new EntityNotFoundError('follower', id);
    await audit(this.deps, principal, 'follower.delete', id, { follows: follows.map((follow) => follow.id) });
    for (const follow of follows) await applyToEngine('follow', follow.id, 'followRemoved', () => control.followRemoved(follow.id));
    await applyToEngine('follower', id, 'followerRemoved', () => control.followerRemoved(id));
  }

  async positions(principal: Principal, id: string): Promise<FollowerPositions> {
    requireFollowerAccess(principal, id);
    await this.require(id);
    const live = this.deps.control.followerPositions(id);
    return {
      followerId: id,
      loaded: live !== undefined,
      positions: (live ?? []).map(({ symbol, target, actual, inFlight }) => ({ symbol, target, actual, inFlight })),
    };
  }

  private async require(id: string): Promise<Follower> {
    const follower = await this.deps.store.followers.get(id);
    if (follower === null) throw new EntityNotFoundError('follower', id);
    return follower;
  }
}
