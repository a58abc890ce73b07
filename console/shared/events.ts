// The live messages the console handles: the engine's events (contracts.md "Engine live events",
// restated here because the console never imports engine/src) plus the console's own snapshots.
// Types and pure helpers only.

export type TradingState = 'active' | 'reducing' | 'halted';
export type StateScope = 'engine' | 'whale' | 'follower';

export type EngineEvent =
  | { type: 'signal'; ts: number; whaleId: string; seq: number; followerId: string; clientOrderId: string; symbol: string; side: 'buy' | 'sell'; amount: number; reduceOnly: boolean; leg: number }
  | { type: 'report'; ts: number; clientOrderId: string; followerId: string; whaleId: string; symbol: string; side: 'buy' | 'sell'; status: string; filled: number; avgPrice: number; error: string | null }
  | { type: 'denied'; ts: number; whaleId: string; followerId: string; symbol: string; reason: string; detail: string }
  | { type: 'skipped'; ts: number; whaleId: string; followerId: string; symbol: string; reason: string; carried: number }
  | { type: 'whale'; ts: number; whaleId: string; positions: WhalePosition[] }
  | { type: 'follower'; ts: number; followerId: string; positions: FollowerPosition[] }
  | { type: 'state'; ts: number; scope: StateScope; id: string; state: TradingState };

export interface WhalePosition { symbol: string; contracts: number; entryPrice: number }
export interface FollowerPosition { symbol: string; target: number; actual: number; inFlight: number }

export interface HopLatency { p50Ms: number; p99Ms: number }
export interface Overview {
  engine?: TradingState;
  feeds: { connected: number; total: number };
  whales: number;
  followers: number;
  followersOnline: number;
  ordersPerSec: number;
  latency: Record<string, HopLatency>;
  bus?: { kind: 'redis' | 'in_process'; ok: boolean };
  /** lag is null when the stream cannot tell (e.g. no consumer group yet). */
  shards: { shard: number; length: number; pending: number; lag: number | null; deadLetters: number }[];
}
export type LatencyCurves = Record<string, { percentile: number; ms: number }[]>;

/** Messages the console server sends a browser over SSE. */
export type LiveMessage =
  | EngineEvent
  | { type: 'overview'; ts: number; overview: Overview }
  | { type: 'latency'; ts: number; curves: LatencyCurves }
  /** Whether the console holds a live link to the engine's event stream. */
  | { type: 'link'; ts: number; connected: boolean }
  /** `count` messages were dropped for this browser because it read too slowly. */
  | { type: 'dropped'; count: number };

/** Events that belong to one follower (what a follower's portal may see), or undefined. */
export function followerOf(message: LiveMessage): string | undefined {
  switch (message.type) {
    case 'signal': case 'report': case 'denied': case 'skipped': case 'follower':
      return message.followerId;
    case 'state':
      return message.scope === 'follower' ? message.id : undefined;
    default:
      return undefined;
  }
}

/** Whether a follower's portal may see this message: its own events and the engine-wide state. */
export function visibleToFollower(message: LiveMessage, followerId: string): boolean {
  if (message.type === 'state' && message.scope === 'engine') return true;
  if (message.type === 'link') return true;
  return followerOf(message) === followerId;
}

const EVENT_TYPES = new Set(['signal', 'report', 'denied', 'skipped', 'whale', 'follower', 'state']);

/** Parses one engine WebSocket message; undefined for anything that is not a known event object. */
export function parseEngineMessage(text: string): EngineEvent | { type: 'dropped'; count: number } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const type = (value as { type?: unknown }).type;
  if (type === 'dropped') {
    const count = Number((value as { count?: unknown }).count);
    return Number.isFinite(count) ? { type: 'dropped', count } : undefined;
  }
  return typeof type === 'string' && EVENT_TYPES.has(type) ? value as EngineEvent : undefined;
}

/** Drift of one follower position: what is still missing to reach the target (signed contracts). */
export const driftOf = (p: FollowerPosition): number => p.target - p.actual - p.inFlight;
