// TypeBox models of /api/dead-letters: list (one shard or all), retry and discard. Payloads are shown
// decoded (the SignalBatch's orders) when they decode, never as raw bytes.
import { t } from 'elysia';
import { Limit, ListOf } from '../http/model';

export const StreamId = t.String({ pattern: '^\\d{1,20}-\\d{1,20}$', description: 'stream entry id <ms>-<seq>' });
const Shard = t.Integer({
  minimum: 0, maximum: 1023,
  error: () => ({ path: '/shard', message: 'shard must be an integer from 0' }),
});

export const DeadLettersQuery = t.Object({
  shard: t.Optional(Shard),
  afterId: t.Optional(StreamId),
  limit: t.Optional(Limit),
}, { additionalProperties: false });
export type DeadLettersQuery = typeof DeadLettersQuery.static;

export const DeadLetterParams = t.Object({ shard: Shard, deadId: StreamId });
export type DeadLetterParams = typeof DeadLetterParams.static;

export const DeadLetterView = t.Object({
  shard: t.Integer(),
  deadId: t.String(),
  originalId: t.String(),
  group: t.String(),
  consumer: t.String(),
  deliveries: t.Integer(),
  reason: t.Union([t.Literal('max_deliveries'), t.Literal('poison')]),
  error: t.String(),
  deadAtMs: t.Number(),
  bytes: t.Integer({ description: 'payload size' }),
  /** The decoded SignalBatch, or null when the payload does not decode (poison). */
  batch: t.Union([t.Object({
    whaleId: t.String(),
    whaleSeq: t.Number(),
    signals: t.Array(t.Object({
      clientOrderId: t.String(), followerId: t.String(), symbol: t.String(), side: t.String(), amount: t.String(), reduceOnly: t.Boolean(),
    }, { additionalProperties: false })),
  }, { additionalProperties: false }), t.Null()]),
}, { additionalProperties: false });
export type DeadLetterView = typeof DeadLetterView.static;
export const DeadLetterList = ListOf(DeadLetterView);

export const Retried = t.Object({ shard: t.Integer(), deadId: t.String(), newId: t.String() }, { additionalProperties: false });
