// Fan-out of live messages from the console server to browsers: one bounded queue per browser that
// drops its oldest messages when the browser reads slowly, and the latest snapshot per book for
// newcomers. publish() never blocks, never awaits, never throws.
import type { LiveMessage } from '../shared/events';

export const DEFAULT_BROWSER_QUEUE = 512;

export interface LiveSubscriberOptions {
  /** Which messages this browser may see (its follower's only, for the portal). */
  filter?: (message: LiveMessage) => boolean;
  capacity?: number;
  /** Called when the queue goes from empty to non-empty. */
  onReady?: () => void;
}

export class LiveSubscriber {
  private readonly ring: (LiveMessage | undefined)[];
  private head = 0;
  private length = 0;
  private droppedSinceTake = 0;
  droppedTotal = 0;
  closed = false;

  constructor(private readonly options: LiveSubscriberOptions, private readonly detach: (s: LiveSubscriber) => void) {
    const capacity = options.capacity ?? DEFAULT_BROWSER_QUEUE;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  wants(message: LiveMessage): boolean {
    return this.options.filter === undefined || this.options.filter(message);
  }

  push(message: LiveMessage): void {
    if (this.closed) return;
    const capacity = this.ring.length;
    const wasEmpty = this.length === 0 && this.droppedSinceTake === 0;
    if (this.length === capacity) {
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % capacity;
      this.length -= 1;
      this.droppedSinceTake += 1;
      this.droppedTotal += 1;
    }
    this.ring[(this.head + this.length) % capacity] = message;
    this.length += 1;
    if (wasEmpty) this.options.onReady?.();
  }

  /** The next message, a {type:'dropped'} notice first after a loss, or undefined when empty. */
  take(): LiveMessage | undefined {
    if (this.droppedSinceTake > 0) {
      const count = this.droppedSinceTake;
      this.droppedSinceTake = 0;
      return { type: 'dropped', count };
    }
    if (this.length === 0) return undefined;
    const message = this.ring[this.head]!;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.ring.length;
    this.length -= 1;
    return message;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ring.fill(undefined);
    this.length = 0;
    this.detach(this);
  }
}

/** Key of the latest-state snapshot a message replaces, or undefined for stream events (feed rows). */
export function snapshotKey(message: LiveMessage): string | undefined {
  switch (message.type) {
    case 'whale': return `whale:${message.whaleId}`;
    case 'follower': return `follower:${message.followerId}`;
    case 'state': return `state:${message.scope}:${message.id}`;
    case 'overview': case 'latency': case 'link': return message.type;
    default: return undefined;
  }
}

export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly latest = new Map<string, LiveMessage>();

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** A new browser subscription, primed with the latest snapshots it may see. */
  subscribe(options: LiveSubscriberOptions = {}): LiveSubscriber {
    const subscriber = new LiveSubscriber(options, (s) => this.subscribers.delete(s));
    for (const message of this.latest.values()) if (subscriber.wants(message)) subscriber.push(message);
    this.subscribers.add(subscriber);
    return subscriber;
  }

  publish(message: LiveMessage): void {
    const key = snapshotKey(message);
    if (key !== undefined) this.latest.set(key, message);
    for (const subscriber of this.subscribers) {
      try {
        if (subscriber.wants(message)) subscriber.push(message);
      } catch {
        // A faulty filter must not stop the others.
      }
    }
  }

  /** The latest snapshot under a key (e.g. 'overview'). */
  snapshot(key: string): LiveMessage | undefined {
    return this.latest.get(key);
  }

  closeAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.close();
  }
}
