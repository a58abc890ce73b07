// Shapes of the engine API's answers the console reads (restated from the engine's OpenAPI and
// contracts.md, since the console never imports engine/src). Types only.
import type { FollowerPosition, LatencyCurves, Overview, TradingState, WhalePosition } from '../shared/events';

export type Venue = 'binanceusdm' | 'hyperliquid';
export type WhaleKind = Venue | 'tradingview';

export interface WhaleView {
  id: string; kind: WhaleKind; name: string; address: string | null; tickerMap: Record<string, string> | null;
  state: TradingState; hasCredentials: boolean; hasSecret: boolean; createdAt: string;
}
export interface FollowerView {
  id: string; name: string; venue: Venue; address: string | null; state: TradingState; lastError: string | null; createdAt: string;
}
export type Sizing = { mode: 'proportional'; k: number } | { mode: 'equity'; k: number } | { mode: 'fixed_notional'; usd: number };
export interface Caps { maxOrderNotional?: number; maxPositionNotional?: number; maxLeverage?: number }
export interface FollowView {
  id: string; whaleId: string; followerId: string; sizing: Sizing; caps: Caps;
  leverage: { mode: 'copy' } | { mode: 'fixed'; value: number }; symbols: { allow?: string[]; deny?: string[] };
  existing: 'copy_now' | 'wait_next_change'; state: TradingState; createdAt: string;
}
export interface OrderView {
  clientOrderId: string; followerId: string; whaleId: string; venue: Venue; symbol: string; side: 'buy' | 'sell'; amount: number;
  status: string; reduceOnly: boolean | null; leg: 0 | 1 | null; whaleSeq: number | null; filledAmount: number; avgPrice: number | null;
  venueOrderId: string | null; error: string | null; attempts: number; createdAt: string; updatedAt: string;
}
export interface FillView {
  id: number; clientOrderId: string; followerId: string; venue: Venue; symbol: string; side: 'buy' | 'sell';
  amount: number; price: number; fee: number; feeCurrency: string | null; venueTradeId: string; ts: string;
}
export interface WhalePositions { whaleId: string; loaded: boolean; positions: WhalePosition[] }
export interface FollowerPositions { followerId: string; loaded: boolean; positions: FollowerPosition[] }
export interface StateSnapshot { engine: TradingState; whales: Record<string, TradingState>; followers: Record<string, TradingState> }
export interface AuditView { id: number; actor: string; action: string; target: string; detail: Record<string, unknown> | null; ts: string }
export interface DeadLetterView {
  shard: number; deadId: string; originalId: string; group: string; consumer: string; deliveries: number;
  reason: 'max_deliveries' | 'poison'; error: string; deadAtMs: number; bytes: number;
  /** The decoded SignalBatch, or null when the payload does not decode (poison). */
  batch: { whaleId: string; whaleSeq: number; signals: { clientOrderId: string; followerId: string; symbol: string; side: string; amount: string; reduceOnly: boolean }[] } | null;
}
export interface StateChanged { scope: 'engine' | 'whale' | 'follower'; id: string | null; state: TradingState; flattened: number }
export type { LatencyCurves, Overview };

export interface OperatorSession { token: string; operatorId: string; email: string; expiresAt: string }
export interface FollowerSession {
  accountId: string; email: string; name: string; followerId: string | null; expiresAt: string;
  accountToken: string; token: string | null;
}
export interface KeyCheck { ok: boolean; balance?: { currency: string; total: number; free: number }; error?: string }
export interface FollowerKeySaved { followerId: string; token: string | null; balance: { currency: string; total: number; free: number } }

export type VenueKey = { venue: 'binanceusdm'; apiKey: string; secret: string } | { venue: 'hyperliquid'; address: string; privateKey: string };
