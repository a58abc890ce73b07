// Server-Sent Events response for one browser: pulls from its LiveSubscriber only when the browser's
// stream wants more (backpressure), batches what is queued into one write, and sends a heartbeat.
import type { LiveMessage } from '../shared/events';
import type { LiveSubscriber } from './live-hub';

const encoder = new TextEncoder();

/** One SSE frame; JSON never contains a raw newline, so one data line is enough. */
export const sseFrame = (message: LiveMessage): string => `data: ${JSON.stringify(message)}\n\n`;

export interface SseOptions {
  heartbeatMs?: number;
  /** Messages per write at most. */
  batch?: number;
  /** Aborted when the browser goes away. */
  signal?: AbortSignal;
}

/** `subscribe` gets the wake-up callback the subscriber must call when its queue becomes non-empty. */
export function sseResponse(subscribe: (onReady: () => void) => LiveSubscriber, options: SseOptions = {}): Response {
  const batch = options.batch ?? 256;
  let wake: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let pendingPing = false;
  const wakeUp = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const subscriber = subscribe(wakeUp);
  const close = () => {
    if (heartbeat !== undefined) clearInterval(heartbeat);
    subscriber.close();
    wakeUp();
  };
  options.signal?.addEventListener('abort', close, { once: true });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('retry: 1000\n: connected\n\n'));
      heartbeat = setInterval(() => {
        pendingPing = true;
        wakeUp();
      }, options.heartbeatMs ?? 10_000);
    },
    async pull(controller) {
      for (;;) {
        if (subscriber.closed) {
          controller.close();
          return;
        }
        let text = '';
        for (let n = 0; n < batch; n++) {
          const message = subscriber.take();
          if (message === undefined) break;
          text += sseFrame(message);
        }
        if (pendingPing) {
          pendingPing = false;
          text += ': ping\n\n';
        }
        if (text !== '') {
          controller.enqueue(encoder.encode(text));
          return;
        }
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    },
    cancel() {
      close();
    },
  }, { highWaterMark: 1 });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
