// Live events controller: the WebSocket GET /api/events. Authenticates with `Authorization: Bearer` or
// `?token=`, subscribes to the EventHub (follower tokens: their own events only) and pumps JSON messages
// with backpressure; a slow client loses its oldest events, never slows the engine.
import { Elysia, t } from 'elysia';
import { DEFAULT_HIGH_WATER_BYTES, DEFAULT_QUEUE_CAPACITY, SocketPump, type EventHub, type EventSocket } from '../../events';
import { bearerTokenOf, type Authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';

export interface EventsSocketOptions {
  /** Events queued per connection before the oldest are dropped. Default 1024. */
  readonly queueCapacity?: number;
  /** Socket send buffer above which the pump waits for drain. Default 256 KiB. */
  readonly highWaterBytes?: number;
}

/** Bun's ServerWebSocket as the pump sees it (Elysia's bundled type omits getBufferedAmount). */
function eventSocketOf(raw: { send(text: string): number; getBufferedAmount?: () => number }): EventSocket {
  return { send: (text) => raw.send(text), getBufferedAmount: () => raw.getBufferedAmount?.() ?? 0 };
}

export function eventsController(hub: EventHub, authenticate: Authenticate, options: EventsSocketOptions = {}) {
  const principals = new WeakMap<Request, Principal>();
  const pumps = new WeakMap<object, SocketPump>();
  return new Elysia({ name: 'ingress.events', normalize: false })
    .ws('/api/events', {
      query: t.Object({ token: t.Optional(t.String({ maxLength: 512 })) }),
      async beforeHandle({ request, headers, query }) {
        const token = bearerTokenOf(headers.authorization) ?? query.token;
        principals.set(request, await authenticate(token === undefined ? undefined : `Bearer ${token}`));
      },
      open(ws) {
        const principal = principals.get(ws.data.request);
        if (principal === undefined) {
          ws.close(1008, 'unauthorized');
          return;
        }
        let pump: SocketPump | undefined;
        const subscription = hub.subscribe({
          followerId: principal.scope === 'follower' ? principal.followerId : undefined,
          capacity: options.queueCapacity ?? DEFAULT_QUEUE_CAPACITY,
          onReady: () => pump?.wake(),
        });
        pump = new SocketPump(subscription, eventSocketOf(ws.raw), options.highWaterBytes ?? DEFAULT_HIGH_WATER_BYTES);
        pumps.set(ws.raw, pump);
      },
      drain(ws) {
        pumps.get(ws.raw)?.flush();
      },
      close(ws) {
        pumps.get(ws.raw)?.stop();
        pumps.delete(ws.raw);
      },
      message() {
        // The feed is one-way; client messages are ignored.
      },
      detail: { tags: ['events'], summary: 'Live engine events (WebSocket)' },
    });
}
