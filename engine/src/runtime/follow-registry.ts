// Puts follows into the copy engine at the right moment and with the right start: a follow of a whale whose
// feed has not applied its first snapshot waits (PendingFollows), and a wait_next_change follow starts from
// what it waits out as stored (follows.waiting_out), not from whatever the whale holds when the engine starts.
import type { FollowerBook, WhaleBook } from '../book';
import type { CopyEngine } from '../copy';
import type { Venue } from '../model';
import type { FollowRecord, Store } from '../store';
import { errorText, type Logger } from './log';
import { PendingFollows } from './pending-follows';

export interface FollowRegistryDeps {
  copy: CopyEngine;
  whales: WhaleBook;
  followers: FollowerBook;
  follows: Pick<Store['follows'], 'setWaitingOut' | 'endWaiting'>;
  log: Logger;
  /** Whether the whale's positions come from a feed (TradingView strategies: from webhooks, known at once). */
  hasFeed(whaleId: string): boolean;
  repair(followerId: string): void;
}

const NOTHING_WAITED: ReadonlyMap<string, number> = new Map();

export class FollowRegistry {
  /** Feed whales whose first snapshot has been applied: their books are known. */
  private readonly syncedWhales = new Set<string>();
  private readonly pending = new PendingFollows();
  /** The last stored change of each follow's waiting_out: the next one goes after it (never reordered). */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly d: FollowRegistryDeps) {}

  /** A follow created, changed or loaded at start; null (or no venue): gone. */
  apply(followId: string, follow: FollowRecord | null, followerVenue: Venue | null | undefined): void {
    this.pending.remove(followId);
    if (!follow || !followerVenue) {
      this.d.copy.follows.remove(followId);
      return;
    }
    const unknownBook = this.d.hasFeed(follow.whaleId) && !this.syncedWhales.has(follow.whaleId);
    if (unknownBook && this.d.copy.follows.get(followId) === undefined) {
      this.pending.add({ follow, followerVenue });
      this.d.log('debug', "follow waits for its whale's first snapshot", { followId, whaleId: follow.whaleId });
      return;
    }
    this.register(follow, followerVenue);
  }

  remove(followId: string): void {
    this.pending.remove(followId);
    this.d.copy.follows.remove(followId);
  }

  /** The copy engine saw the whale change a position the follow waited out: stored, after any earlier write. */
  waitingEnded(followId: string, whaleSymbol: string): void {
    this.write(followId, () => this.d.follows.endWaiting(followId, whaleSymbol));
  }

  /** The whale's book is known: the follows that waited for it are registered against it. */
  whaleSynced(whaleId: string): void {
    this.syncedWhales.add(whaleId);
    for (const p of this.pending.take(whaleId)) this.register(p.follow, p.followerVenue);
  }

  /** The whale's feed stopped (removed or restarted): follows added from now on wait for its next first snapshot. */
  whaleStopped(whaleId: string): void {
    this.syncedWhales.delete(whaleId);
  }

  /** Into the copy engine, with what it waits out (wait_next_change: see waitingOutOf). */
  private register(follow: FollowRecord, followerVenue: Venue): void {
    const running = this.d.copy.follows.get(follow.id) !== undefined;
    const waits = follow.existing === 'wait_next_change';
    const reset = this.d.copy.addFollow(follow, followerVenue, waits && !running ? this.waitingOutOf(follow) : NOTHING_WAITED);
    // A running follow whose memos were reset, or one switched to wait_next_change, waits out nothing.
    if (waits && (reset || (running && follow.waitingOut === null))) this.storeWaitingOut(follow.id, {});
    // A follower whose positions are not known yet is repaired by its first snapshot.
    if (follow.existing === 'copy_now' && this.d.followers.isSynced(follow.followerId)) this.d.repair(follow.followerId);
  }

  /**
   * What a wait_next_change follow waits out: as stored, shrunk as the whale changed those positions, so a
   * restart neither copies them nor freezes positions the follow had started to copy. The first time, what the
   * whale holds now, stored.
   */
  private waitingOutOf(follow: FollowRecord): ReadonlyMap<string, number> {
    if (follow.waitingOut !== null) return new Map(Object.entries(follow.waitingOut));
    const held = new Map<string, number>();
    for (const [symbol, p] of this.d.whales.positions(follow.whaleId)) if (p.contracts !== 0) held.set(symbol, p.contracts);
    this.storeWaitingOut(follow.id, Object.fromEntries(held));
    return held;
  }

  private storeWaitingOut(followId: string, waitingOut: Record<string, number>): void {
    this.write(followId, () => this.d.follows.setWaitingOut(followId, waitingOut));
  }

  /** One follow's waiting_out writes in the order they were made (two pool connections could swap them). */
  private write(followId: string, run: () => Promise<void>): void {
    const next = (this.writes.get(followId) ?? Promise.resolve()).then(run).catch((e: unknown) => {
      this.d.log('error', 'could not store what a follow waits out', { followId, error: errorText(e) });
    });
    this.writes.set(followId, next);
    void next.then(() => {
      if (this.writes.get(followId) === next) this.writes.delete(followId);
    });
  }
}
