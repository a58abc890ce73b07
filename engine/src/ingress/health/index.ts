// Health controller: GET /health/live answers 200 while the process serves HTTP (no auth, no I/O).
// Readiness (store, bus, feeds) is not decided here.
import { Elysia, t } from 'elysia';
import type { Clock } from '../../core';

export const LiveResponse = t.Object({
  status: t.Literal('live'),
  /** Milliseconds since the API was created. */
  uptimeMs: t.Number({ minimum: 0 }),
}, { additionalProperties: false });

export function healthController(clock: Clock) {
  const startedMs = clock.nowMs();
  return new Elysia({ name: 'ingress.health', normalize: false })
    .get('/health/live', () => ({ status: 'live' as const, uptimeMs: Math.max(0, clock.nowMs() - startedMs) }), {
      response: { 200: LiveResponse }, detail: { tags: ['health'], summary: 'Liveness', security: [] },
    });
}
