// Test support: an in-memory EngineControl that records every call in order, serves positions
// set by the test, and can be told to fail one method. Not product code.
import type { EngineControl, FollowerPositionView, WhalePositionView } from '../engine-control';

export type ControlCall = [method: keyof EngineControl, id: string];
type Notification = Exclude<keyof EngineControl, 'whalePositions' | 'followerPositions'>;

export class RecordingEngineControl implements EngineControl {
  readonly calls: ControlCall[] = [];
  readonly whaleBooks = new Map<string, WhalePositionView[]>();
  readonly followerBooks = new Map<string, FollowerPositionView[]>();
  /** When set, that notification rejects (after being recorded). */
  failing: Notification | undefined;

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

  /** Calls recorded since the last take(), then forgets them. */
  take(): ControlCall[] {
    return this.calls.splice(0, this.calls.length);
  }
}
