// Test support: an in-memory EngineControl that records every call in order, serves positions, states
// and feeds set by the test, and can be told to fail one method. Not product code.
import type { TradingState } from '../../model';
import type { EngineControl, FeedView, FollowerPositionView, StateScope, WhalePositionView } from '../engine-control';

export type ControlCall = [method: keyof EngineControl, id: string, ...detail: string[]];
type Notification = Exclude<keyof EngineControl, 'whalePositions' | 'followerPositions' | 'tradingState' | 'setTradingState' | 'flatten' | 'feeds'>;

export class RecordingEngineControl implements EngineControl {
  readonly calls: ControlCall[] = [];
  readonly whaleBooks = new Map<string, WhalePositionView[]>();
  readonly followerBooks = new Map<string, FollowerPositionView[]>();
  readonly states = new Map<string, TradingState>();
  readonly feedViews: FeedView[] = [];
  /** What flatten() resolves with. */
  flattenResult = 0;
  /** When set, that method rejects (after being recorded). */
  failing: Notification | 'flatten' | undefined;

  private async notify(method: Notification, id: string): Promise<void> {
    this.calls.push([method, id]);
    if (this.failing === method) throw new Error(`engine refused ${method}(${id})`);
  }

  whaleAdded(id: string) { return this.notify('whaleAdded', id); }
  whaleRemoved(id: string) { return this.notify('whaleRemoved', id); }
  followerAdded(id: string) { return this.notify('followerAdded', id); }
  followerRemoved(id: string) { return this.notify('followerRemoved', id); }
  followChanged(id: string) { return this.notify('followChanged', id); }
  followRemoved(id: string) { return this.notify('followRemoved', id); }

  whalePositions(id: string): WhalePositionView[] | undefined {
    this.calls.push(['whalePositions', id]);
    return this.whaleBooks.get(id);
  }

  followerPositions(id: string): FollowerPositionView[] | undefined {
    this.calls.push(['followerPositions', id]);
    return this.followerBooks.get(id);
  }

  tradingState(scope: StateScope, id: string): TradingState {
    return this.states.get(scope === 'engine' ? 'engine' : `${scope}:${id}`) ?? 'active';
  }

  setTradingState(scope: StateScope, id: string, state: TradingState): void {
    this.calls.push(['setTradingState', id, scope, state]);
    this.states.set(scope === 'engine' ? 'engine' : `${scope}:${id}`, state);
  }

  async flatten(scope: StateScope, id: string): Promise<number> {
    this.calls.push(['flatten', id, scope]);
    if (this.failing === 'flatten') throw new Error(`engine refused flatten(${scope}, ${id})`);
    return this.flattenResult;
  }

  feeds(): readonly FeedView[] {
    return this.feedViews;
  }

  /** Calls recorded since the last take(), then forgets them. */
  take(): ControlCall[] {
    return this.calls.splice(0, this.calls.length);
  }
}
