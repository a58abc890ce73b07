// Follows whose whale's positions are not known yet: its feed has not applied its first snapshot. Registered
// then, a follow would take the whale's held positions for new ones (an empty book), and a follow that waits
// for the whale's next change would copy them as soon as the snapshot came. They wait here instead and are
// registered against the whale's first known book.
import type { Venue } from '../model';
import type { FollowRecord } from '../store';

export interface PendingFollow {
  readonly follow: FollowRecord;
  readonly followerVenue: Venue;
}

export class PendingFollows {
  private readonly byWhale = new Map<string, Map<string, PendingFollow>>();
  private readonly whaleOf = new Map<string, string>();

  /** Adds or replaces the follow (by id). */
  add(p: PendingFollow): void {
    this.remove(p.follow.id);
    let mine = this.byWhale.get(p.follow.whaleId);
    if (mine === undefined) this.byWhale.set(p.follow.whaleId, (mine = new Map()));
    mine.set(p.follow.id, p);
    this.whaleOf.set(p.follow.id, p.follow.whaleId);
  }

  remove(followId: string): boolean {
    const whaleId = this.whaleOf.get(followId);
    if (whaleId === undefined) return false;
    this.whaleOf.delete(followId);
    const mine = this.byWhale.get(whaleId)!;
    mine.delete(followId);
    if (mine.size === 0) this.byWhale.delete(whaleId);
    return true;
  }

  /** Every follow waiting for the whale, removed from here. */
  take(whaleId: string): PendingFollow[] {
    const mine = this.byWhale.get(whaleId);
    if (mine === undefined) return [];
    this.byWhale.delete(whaleId);
    for (const followId of mine.keys()) this.whaleOf.delete(followId);
    return [...mine.values()];
  }
}
