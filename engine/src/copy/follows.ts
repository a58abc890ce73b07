// The follows the copy engine runs, indexed by whale and by follower, each with its per-symbol sizing
// memos. Plain in-memory index; it does no diffing and no I/O.
import { FRESH_SIZING_MEMO, startSizingMemo, type Follow, type SizingMemo, type Venue } from '../model';

export interface FollowRuntime {
  follow: Follow;
  /** Venue of the follower's account (the whale may trade elsewhere). */
  readonly followerVenue: Venue;
  /** Sizing memo per follower-market symbol. */
  readonly memos: Map<string, SizingMemo>;
  /** Symbols whose last order was rejected by the venue: no repair until the whale changes them. */
  readonly blocked: Set<string>;
}

const sameSizing = (a: Follow, b: Follow) =>
  JSON.stringify([a.sizing, a.caps, a.leverage]) === JSON.stringify([b.sizing, b.caps, b.leverage]);

export class FollowIndex {
  private readonly byId = new Map<string, FollowRuntime>();
  private readonly byWhale = new Map<string, FollowRuntime[]>();
  private readonly byFollower = new Map<string, FollowRuntime[]>();

  /**
   * Add or replace a follow. `whaleBook(symbol)` gives the whale's current contracts per follower
   * symbol, for the wait_next_change policy. A change of sizing, caps or leverage resets the memos.
   */
  upsert(follow: Follow, followerVenue: Venue, whaleContracts: ReadonlyMap<string, number>): FollowRuntime {
    const old = this.byId.get(follow.id);
    if (old) {
      const reset = !sameSizing(old.follow, follow);
      old.follow = follow;
      if (reset) old.memos.clear();
      return old;
    }
    const rt: FollowRuntime = { follow, followerVenue, memos: new Map(), blocked: new Set() };
    for (const [symbol, contracts] of whaleContracts) rt.memos.set(symbol, startSizingMemo(follow.existing, contracts));
    this.byId.set(follow.id, rt);
    push(this.byWhale, follow.whaleId, rt);
    push(this.byFollower, follow.followerId, rt);
    return rt;
  }

  remove(followId: string): boolean {
    const rt = this.byId.get(followId);
    if (!rt) return false;
    this.byId.delete(followId);
    pull(this.byWhale, rt.follow.whaleId, rt);
    pull(this.byFollower, rt.follow.followerId, rt);
    return true;
  }

  get(followId: string): FollowRuntime | undefined {
    return this.byId.get(followId);
  }

  ofWhale(whaleId: string): readonly FollowRuntime[] {
    return this.byWhale.get(whaleId) ?? EMPTY;
  }

  ofFollower(followerId: string): readonly FollowRuntime[] {
    return this.byFollower.get(followerId) ?? EMPTY;
  }

  memo(rt: FollowRuntime, symbol: string): SizingMemo {
    return rt.memos.get(symbol) ?? FRESH_SIZING_MEMO;
  }

  get size(): number {
    return this.byId.size;
  }
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
