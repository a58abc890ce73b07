// Flatten (the operator's "close everything" for the engine, one whale or one follower): which follower
// positions a scope covers, and the reduce-only close of one position. Pure; CopyEngine.flatten sends them.
import type { WhaleBook } from '../book';
import { roundToStep } from '../core';
import { baseOfSymbol, type Venue } from '../model';
import type { FollowIndex } from './follows';

/** whaleId carried by flatten orders of the engine and follower scopes (no whale caused them). */
export const FLATTEN_WHALE_ID = 'flatten';
export type FlattenScope = 'engine' | 'whale' | 'follower';

export interface CloseTarget {
  readonly followerId: string;
  readonly venue: Venue;
  /** Only positions in these base assets; every position when undefined. */
  readonly bases?: ReadonlySet<string>;
}


/**
 * engine: every follower the engine runs; follower: that follower; whale: each follower of the whale,
 * limited to the bases the whale holds or the follow has copied.
 */
export function flattenTargets(
  scope: FlattenScope, id: string, follows: FollowIndex, whales: WhaleBook, followerVenues: ReadonlyMap<string, Venue>,
): CloseTarget[] {
  if (scope === 'engine') return [...followerVenues].map(([followerId, venue]) => ({ followerId, venue }));
  if (scope === 'follower') {
    const venue = followerVenues.get(id) ?? follows.ofFollower(id)[0]?.followerVenue;
    return venue === undefined ? [] : [{ followerId: id, venue }];
  }
  const whaleBases = [...whales.positions(id).keys()].map(baseOfSymbol);
  const byFollower = new Map<string, { venue: Venue; bases: Set<string> }>();
  for (const rt of follows.ofWhale(id)) {
    const target = byFollower.get(rt.follow.followerId) ?? { venue: rt.followerVenue, bases: new Set(whaleBases) };
    for (const symbol of rt.memos.keys()) target.bases.add(baseOfSymbol(symbol));
    byFollower.set(rt.follow.followerId, target);
  }
  return [...byFollower].map(([followerId, { venue, bases }]) => ({ followerId, venue, bases }));
}

/**
 * Contracts a reduce-only close should sell (> 0) or buy (< 0) now: the filled position, less closes
 * already in flight; opening orders in flight are not closed before they fill. Whole steps, toward zero.
 */
export function closeAmount(actual: number, inFlight: number, step: number): number {
  if (actual === 0) return 0;
  const pendingClose = Math.sign(actual) !== Math.sign(inFlight) ? Math.min(Math.abs(inFlight), Math.abs(actual)) : 0;
  const amount = roundToStep(Math.abs(actual) - pendingClose, step, 'toward_zero');
  return amount > 0 ? Math.sign(actual) * amount : 0;
}
