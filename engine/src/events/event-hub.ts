// EventHub: in-process fan-out of live engine events to subscribers, each with a bounded queue that
// drops its oldest events when the subscriber is slow. publish() never blocks, never throws, never awaits.
import { followerOfEvent, type EngineEvent, type EventMessage } from './events';

export const DEFAULT_QUEUE_CAPACITY = 1024;

export interface SubscribeOptions {
  /** Only events of this follower, plus engine state changes (a follower token); undefined = every event (an operator). */
  readonly followerId?: string;
  /** Events held at most; when full the oldest is dropped and counted. Default 1024. */
  readonly capacity?: number;
  /** Called when the queue goes from empty to non-empty; the subscriber then take()s until undefined. */
  readonly onReady?: () => void;
}

/** One subscriber's bounded FIFO. take() yields a {type:'dropped', count} notice before the events after a loss. */
export class EventSubscription {
  readonly followerId: string | undefined;
  private readonly ring: (EngineEvent | undefined)[];
  private head = 0;
  private length = 0;
  private droppedSinceTake = 0;
  private droppedTotal = 0;
  private open = true;

  constructor(options: SubscribeOptions, private readonly detach: (s: EventSubscription) => void) {
    const capacity = options.capacity ?? DEFAULT_QUEUE_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array(capacity);
    this.followerId = options.followerId;
    this.onReady = options.onReady;
  }

  private readonly onReady: (() => void) | undefined;

  /** Whether this subscriber may see the event: a follower sees its own events and the engine's state. */
  wants(event: EngineEvent): boolean {
    if (this.followerId === undefined) return true;
    return followerOfEvent(event) === this.followerId || (event.type === 'state' && event.scope === 'engine');
  }

  /** Queues an event (the hub calls it); drops the oldest one when full. */
  push(event: EngineEvent): void {
    if (!this.open) return;
    const capacity = this.ring.length;
    if (this.length === capacity) {
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % capacity;
      this.length -= 1;
      this.droppedSinceTake += 1;
      this.droppedTotal += 1;
    }
    this.ring[(this.head + this.length) % capacity] = event;
    this.length += 1;
    if (this.length === 1 && this.droppedSinceTake === 0) this.onReady?.();
  }

  /** The next message: a dropped notice first if events were lost since the last take, else the oldest event. */
  take(): EventMessage | undefined {
    if (this.droppedSinceTake > 0) {
      const count = this.droppedSinceTake;
      this.droppedSinceTake = 0;
      return { type: 'dropped', count };
    }
    if (this.length === 0) return undefined;
    const event = this.ring[this.head]!;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.ring.length;
    this.length -= 1;
    return event;
  }

  /** Events waiting. */
  get size(): number {
    return this.length;
  }

  /** Events dropped over the subscription's life. */
  get dropped(): number {
    return this.droppedTotal;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Stops delivery and forgets queued events; idempotent. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.ring.fill(undefined);
    this.length = 0;
    this.detach(this);
  }
}

export class EventHub {
  private readonly subscriptions = new Set<EventSubscription>();

  /** True while anyone listens: producers skip building events otherwise. */
  get active(): boolean {
    return this.subscriptions.size > 0;
  }

  get subscriberCount(): number {
    return this.subscriptions.size;
  }

  subscribe(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new EventSubscription(options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Hands the event to every subscriber that may see it. A throwing onReady never reaches the caller. */
  publish(event: EngineEvent): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.wants(event)) continue;
      try {
        subscription.push(event);
      } catch {
        // A subscriber's wake-up callback failed: that subscriber's problem, never the engine's.
      }
    }
  }
}
