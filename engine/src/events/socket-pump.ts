// Moves one subscription's events onto one WebSocket as JSON text, outside the publisher's call stack
// and only while the socket's send buffer is below a high-water mark; resumes on the socket's drain.

import type { EventSubscription } from './event-hub';

/** The part of a server WebSocket (Bun's ServerWebSocket) the pump uses. */
export interface EventSocket {
  /** Bun: bytes sent (> 0), -1 when queued under backpressure, 0 when dropped (socket closed). */
  send(text: string): number;
  getBufferedAmount(): number;
}

export const DEFAULT_HIGH_WATER_BYTES = 256 * 1024;

export class SocketPump {
  private scheduled = false;
  private stopped = false;
  private sentCount = 0;

  constructor(
    private readonly subscription: EventSubscription,
    private readonly socket: EventSocket,
    private readonly highWaterBytes = DEFAULT_HIGH_WATER_BYTES,
  ) {}

  /** Called by the subscription's onReady: flush soon, never inside the publisher's call. */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Sends queued messages until the queue is empty or the socket pushes back. */
  flush(): void {
    while (!this.stopped && this.socket.getBufferedAmount() < this.highWaterBytes) {
      const message = this.subscription.take();
      if (message === undefined) return;
      const result = this.socket.send(JSON.stringify(message));
      if (result === 0) {
        this.stop();
        return;
      }
      this.sentCount += 1;
      if (result === -1) return; // queued under backpressure: continue on drain
    }
  }

  /** Messages handed to the socket so far. */
  get sent(): number {
    return this.sentCount;
  }

  stop(): void {
    this.stopped = true;
    this.subscription.close();
  }
}
