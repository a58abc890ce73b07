// Who is calling (operator or one follower) and the pure scope checks every service applies.
// No I/O and no HTTP types: services call these with the principal the auth plugin derived.
import type { TradingState } from '../../model';
import { ForbiddenError } from '../http/errors';

export type Principal =
  /** The bootstrap admin token or an issued operator token: everything. */
  | { readonly scope: 'operator'; readonly actor: string }
  /** An issued follower token: only that follower's own data. */
  | { readonly scope: 'follower'; readonly actor: string; readonly followerId: string };

export function requireOperator(principal: Principal): void {
  if (principal.scope !== 'operator') throw new ForbiddenError('this route needs an operator token');
}

/** Operators reach every follower; a follower token only its own. */
export function requireFollowerAccess(principal: Principal, followerId: string): void {
  if (principal.scope === 'follower' && principal.followerId !== followerId) {
    throw new ForbiddenError('a follower token reaches only its own follower');
  }
}

/**
 * The follower a list query is limited to: operators get what they asked (undefined = all);
 * followers get their own id, and asking for another follower is forbidden.
 */
export function followerScopeOf(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.scope === 'operator') return requested;
  if (requested !== undefined) requireFollowerAccess(principal, requested);
  return principal.followerId;
}

const CAUTION: Record<TradingState, number> = { active: 0, reducing: 1, halted: 2 };

/**
 * Operators set any trading state; a follower token may only make trading more cautious
 * (active -> reducing -> halted), so a halt set by an operator cannot be lifted by the follower.
 */
export function requireStateChangeAllowed(principal: Principal, current: TradingState, next: TradingState): void {
  if (principal.scope === 'follower' && CAUTION[next] < CAUTION[current]) {
    throw new ForbiddenError(`a follower token cannot move trading state from ${current} to ${next}; an operator can`);
  }
}
