// The follows the copy engine runs, indexed by whale and by follower, each with its per-symbol sizing
// memos. Plain in-memory index; it does no diffing and no I/O.
import type { FollowerHandle } from '../book';
import { SmallMap, followIdKey, type IdKey } from '../core';
import type { MutableSizingMemo } from '../diff';
import { FRESH_SIZING_MEMO, startSizingMemo, type Follow, type SizingMemo, type Venue } from '../model';

/** A follow as the copy loop runs it. Kept small: the engine holds one per follow (10,000s of them). */
export class FollowRuntime extends SmallMap<SizingMemo> implements IdKey {
  /** The follow's half of its client order ids (followIdKey), hashed once. */
  readonly idHi: number;
  readonly idLo: number;
  /** The follower's executor shard, once the copy engine (which knows the shard count) has computed it; -1 before. */
  shard = -1;
  /** The follower's place in the follower book, once the copy engine has looked it up (see FollowerHandle). */
  book: FollowerHandle | undefined = undefined;
  /** The follower's other follows (it copies several whales), undefined while this is its only one. */
  siblings: readonly FollowRuntime[] | undefined = undefined;
  /** Symbols whose last order was rejected by the venue: no repair until the whale changes them. */
  private blockedSymbols: Set<string> | undefined = undefined;

  constructor(
    public follow: Follow,
    /** Venue of the follower's account (the whale may trade elsewhere). */
    readonly followerVenue: Venue,
  ) {
    super();
    const key = followIdKey(follow.id);
    this.idHi = key.idHi;
    this.idLo = key.idLo;
  }

  /** Sizing memo per follower-market symbol: the runtime is that map itself (one object less per follow). */
  get memos(): SmallMap<SizingMemo> {
    return this;
  }

  /** The sized memo into the follow's own memo object (overwritten in place), or a new one the first time. */
  storeMemo(symbol: string, next: SizingMemo): void {
    const stored = this.get(symbol);
    // Memos the engine did not make here (the shared fresh memo, a follow's start memo) are frozen: never written.
    if (stored === undefined || Object.isFrozen(stored)) {
      this.set(symbol, { ...next });
      return;
    }
    const m = stored as MutableSizingMemo;
    m.sized = next.sized;
    m.whaleContracts = next.whaleContracts;
    m.target = next.target;
    m.fixedK = next.fixedK;
    m.waiting = next.waiting;
  }

  isBlocked(symbol: string): boolean {
    return this.blockedSymbols !== undefined && this.blockedSymbols.has(symbol);
  }

  block(symbol: string): void {
    (this.blockedSymbols ??= new Set()).add(symbol);
  }

  unblock(symbol: string): void {
    if (this.blockedSymbols === undefined || !this.blockedSymbols.delete(symbol)) return;
    if (this.blockedSymbols.size === 0) this.blockedSymbols = undefined;
  }
}

/** Same sizing, caps and leverage: a replaced follow keeps its memos. */
export const sameSizing = (a: Follow, b: Follow) =>
  JSON.stringify([a.sizing, a.caps, a.leverage]) === JSON.stringify([b.sizing, b.caps, b.leverage]);

export class FollowIndex {
  private readonly byId = new Map<string, FollowRuntime>();
  private readonly byWhale = new Map<string, FollowRuntime[]>();
  /** One follow (the common case) or several: no array per follower until it follows a second whale. */
  private readonly byFollower = new Map<string, FollowRuntime | FollowRuntime[]>();

  /**
   * Add or replace a follow. `whaleContracts`: per follower-market symbol, the whale's contracts a new follow
   * starts from (its existing-position policy; CopyEngine.addFollow maps whale symbols to these). A change of
   * sizing, caps or leverage resets the memos.
   */
  upsert(follow: Follow, followerVenue: Venue, whaleContracts: ReadonlyMap<string, number>): FollowRuntime {
    const old = this.byId.get(follow.id);
    if (old) {
      const reset = !sameSizing(old.follow, follow);
      old.follow = shareParts(follow);
      if (reset) old.memos.clear();
      return old;
    }
    const rt = new FollowRuntime(shareParts(follow), followerVenue);
    for (const [symbol, contracts] of whaleContracts) rt.memos.set(symbol, startSizingMemo(follow.existing, contracts));
    this.byId.set(follow.id, rt);
    push(this.byWhale, follow.whaleId, rt);
    const mine = this.byFollower.get(follow.followerId);
    this.byFollower.set(follow.followerId, mine === undefined ? rt : Array.isArray(mine) ? [...mine, rt] : [mine, rt]);
    this.linkSiblings(follow.followerId);
    return rt;
  }

  remove(followId: string): boolean {
    const rt = this.byId.get(followId);
    if (!rt) return false;
    this.byId.delete(followId);
    pull(this.byWhale, rt.follow.whaleId, rt);
    const mine = this.byFollower.get(rt.follow.followerId);
    if (mine === rt) this.byFollower.delete(rt.follow.followerId);
    else if (Array.isArray(mine)) {
      const rest = mine.filter((x) => x !== rt);
      if (rest.length === 1) this.byFollower.set(rt.follow.followerId, rest[0]!);
      else this.byFollower.set(rt.follow.followerId, rest);
    }
    rt.siblings = undefined;
    this.linkSiblings(rt.follow.followerId);
    return true;
  }

  /** Each follow of the follower gets the list of its other follows (none: undefined). */
  private linkSiblings(followerId: string): void {
    const all = this.ofFollower(followerId);
    for (const rt of all) rt.siblings = all.length > 1 ? all.filter((x) => x !== rt) : undefined;
  }

  get(followId: string): FollowRuntime | undefined {
    return this.byId.get(followId);
  }

  ofWhale(whaleId: string): readonly FollowRuntime[] {
    return this.byWhale.get(whaleId) ?? EMPTY;
  }

  ofFollower(followerId: string): readonly FollowRuntime[] {
    const mine = this.byFollower.get(followerId);
    return mine === undefined ? EMPTY : Array.isArray(mine) ? mine : [mine];
  }

  memo(rt: FollowRuntime, symbol: string): SizingMemo {
    return rt.memos.get(symbol) ?? FRESH_SIZING_MEMO;
  }

  get size(): number {
    return this.byId.size;
  }
}

/**
 * Follows configured alike (the defaults above all: no caps, all symbols, copy leverage) share one
 * sizing, caps, leverage and symbols object each instead of holding four copies per follow. The parts are
 * read-only (Follow is readonly throughout); the table is bounded, past it parts are kept as given.
 */
const sharedParts = new Map<string, object>();
const SHARED_PARTS_MAX = 10_000;

function shared<T extends object>(kind: string, part: T): T {
  const key = kind + JSON.stringify(part);
  const known = sharedParts.get(key);
  if (known !== undefined) return known as T;
  if (sharedParts.size < SHARED_PARTS_MAX) sharedParts.set(key, part);
  return part;
}

function shareParts(follow: Follow): Follow {
  return {
    ...follow,
    sizing: shared('sizing', follow.sizing), caps: shared('caps', follow.caps),
    leverage: shared('leverage', follow.leverage), symbols: shared('symbols', follow.symbols),
  };
}

const EMPTY: readonly FollowRuntime[] = Object.freeze([]);

function push(map: Map<string, FollowRuntime[]>, key: string, rt: FollowRuntime): void {
  const list = map.get(key);
  if (list) list.push(rt);
  else map.set(key, [rt]);
}

function pull(map: Map<string, FollowRuntime[]>, key: string, rt: FollowRuntime): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(rt);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}
