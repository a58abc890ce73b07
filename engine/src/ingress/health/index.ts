// Health controller: GET /health/live answers 200 while the process serves HTTP (no auth, no I/O);
// GET /health/ready checks Redis (a real command), the database (a real query) and every feed: 200 or 503.
import { Elysia, t } from 'elysia';
import type { Clock } from '../../core';
import type { Store } from '../../store';
import type { EngineControl } from '../engine-control';
import type { ApiBus } from '../ports';

export const LiveResponse = t.Object({
  status: t.Literal('live'),
  /** Milliseconds since the API was created. */
  uptimeMs: t.Number({ minimum: 0 }),
}, { additionalProperties: false });

export const ReadyResponse = t.Object({
  ready: t.Boolean(),
  /** Redis answered (true without Redis: the in-process bus has nothing to lose). */
  redis: t.Boolean(),
  bus: t.Union([t.Literal('redis'), t.Literal('in_process')]),
  database: t.Boolean(),
  feeds: t.Array(t.Object({
    kind: t.Union([t.Literal('whale'), t.Literal('follower')]),
    id: t.String(),
    connected: t.Boolean(),
    /** Since the feed's last message; null before the first. */
    lastMessageAgeMs: t.Union([t.Number(), t.Null()]),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type ReadyResponse = typeof ReadyResponse.static;

export interface ReadinessDeps {
  readonly store: Pick<Store, 'audit'>;
  readonly bus: Pick<ApiBus, 'kind' | 'shardStats'>;
  readonly control: Pick<EngineControl, 'feeds'>;
  readonly clock: Clock;
  /** Longest wait for Redis or the database. Default 1000 ms. */
  readonly timeoutMs?: number;
}

/** Resolves true when `work` settles successfully within `ms`. */
async function answers(work: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([work().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(deps: ReadinessDeps): Promise<ReadyResponse> {
  const ms = deps.timeoutMs ?? 1000;
  const [redis, database] = await Promise.all([
    deps.bus.kind === 'in_process' ? true : answers(() => deps.bus.shardStats(0), ms),
    answers(() => deps.store.audit.list({ limit: 1 }), ms),
  ]);
  const now = deps.clock.nowMs();
  const feeds = deps.control.feeds().map((f) => ({
    kind: f.kind, id: f.id, connected: f.status.connected,
    lastMessageAgeMs: f.status.lastMessageAt > 0 ? Math.max(0, Math.round(now - f.status.lastMessageAt)) : null,
  }));
  return { ready: redis && database && feeds.every((f) => f.connected), redis, bus: deps.bus.kind, database, feeds };
}

export function healthController(clock: Clock, ready: Omit<ReadinessDeps, 'clock'>) {
  const startedMs = clock.nowMs();
  return new Elysia({ name: 'ingress.health', normalize: false })
    .get('/health/live', () => ({ status: 'live' as const, uptimeMs: Math.max(0, clock.nowMs() - startedMs) }), {
      response: { 200: LiveResponse }, detail: { tags: ['health'], summary: 'Liveness', security: [] },
    })
    .get('/health/ready', async ({ status }) => {
    const report = await readiness({ ...ready, clock });
    return report.ready ? report : status(503, report);
  }, {
    response: { 200: ReadyResponse, 503: ReadyResponse },
    detail: { tags: ['health'], summary: 'Readiness: Redis, the database and every feed (503 when any is down)', security: [] },
  });
}
