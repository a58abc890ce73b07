// TypeBox models of GET /api/overview (the console's dashboard numbers) and GET /api/latency (HDR
// percentile curves per hop). Schemas only.
import { t } from 'elysia';
import { TradingStateSchema } from '../http/model';

export const HopSummary = t.Record(t.String(), t.Object({ p50Ms: t.Number(), p99Ms: t.Number() }, { additionalProperties: false }));

export const ShardView = t.Object({
  shard: t.Integer(),
  length: t.Integer(),
  pending: t.Integer(),
  lag: t.Union([t.Integer(), t.Null()]),
  deadLetters: t.Integer(),
}, { additionalProperties: false });

export const Overview = t.Object({
  engine: TradingStateSchema,
  feeds: t.Object({ connected: t.Integer(), total: t.Integer() }, { additionalProperties: false }),
  whales: t.Integer(),
  followers: t.Integer(),
  /** Followers whose private stream is connected. */
  followersOnline: t.Integer(),
  ordersPerSec: t.Number(),
  latency: HopSummary,
  bus: t.Object({ kind: t.Union([t.Literal('redis'), t.Literal('in_process')]), ok: t.Boolean() }, { additionalProperties: false }),
  shards: t.Array(ShardView),
}, { additionalProperties: false });
export type Overview = typeof Overview.static;

export const LatencyCurves = t.Record(t.String(), t.Array(t.Object({ percentile: t.Number(), ms: t.Number() }, { additionalProperties: false })));
