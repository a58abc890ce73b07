// Ordering and concurrency of order work: tasks of one follower run one after another in arrival
// order; tasks of different followers run side by side, at most `concurrency` at a time.
import { InvalidArgumentError } from '../core';

/**
 * Followers with orders in flight at once, by default. Above a shard's usual follower count, so every
 * order of one whale change leaves at once; a smaller bound makes the rest wait a full venue round trip.
 */
export const DEFAULT_CONCURRENCY = 256;

export class FollowerLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new InvalidArgumentError(`concurrency must be a positive integer, got ${concurrency}`);
    }
  }

  /** Runs `task` after every earlier task of this follower has settled, within the concurrency bound. */
  run<T>(followerId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(followerId) ?? Promise.resolve();
    const result = previous.then(() => this.withSlot(task));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(followerId, tail);
    void tail.then(() => {
      if (this.tails.get(followerId) === tail) this.tails.delete(followerId);
    });
    return result;
  }

  /** Followers with queued or running work. */
  get activeFollowers(): number {
    return this.tails.size;
  }

  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiter
      else this.running--;
    }
  }
}
