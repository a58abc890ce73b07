// The engine's live events (the console's WebSocket feed, contracts.md "Engine live events"): shapes
// and the follower an event belongs to. Types and one pure helper; no I/O, no hub.
import type { TradingState } from '../model';

export type EventScope = 'engine' | 'whale' | 'follower';

export interface SignalEvent {
  readonly type: 'signal';
  readonly ts: number;
  readonly whaleId: string;
  readonly seq: number;
  readonly followerId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly amount: number;
  readonly reduceOnly: boolean;
  readonly leg: 0 | 1;
}

export interface ReportEvent {
  readonly type: 'report';
  readonly ts: number;
  readonly clientOrderId: string;
  readonly followerId: string;
  readonly whaleId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly status: string;
  readonly filled: number;
  readonly avgPrice: number;
  /** `<error class>: <message>`, or null when the venue reported no error. */
  readonly error: string | null;
}

export interface DeniedEvent {
  readonly type: 'denied';
  readonly ts: number;
  readonly whaleId: string;
  readonly followerId: string;
  readonly symbol: string;
  readonly reason: string;
  readonly detail: string;
}

export interface SkippedEvent {
  readonly type: 'skipped';
  readonly ts: number;
  readonly whaleId: string;
  readonly followerId: string;
  readonly symbol: string;
  readonly reason: string;
  readonly carried: number;
}

export interface WhaleEvent {
  readonly type: 'whale';
  readonly ts: number;
  readonly whaleId: string;
  readonly positions: readonly { symbol: string; contracts: number; entryPrice: number }[];
}

export interface FollowerEvent {
  readonly type: 'follower';
  readonly ts: number;
  readonly followerId: string;
  readonly positions: readonly { symbol: string; target: number; actual: number; inFlight: number }[];
}

export interface StateEvent {
  readonly type: 'state';
  readonly ts: number;
  readonly scope: EventScope;
  /** The whale or follower id; '' for the engine scope. */
  readonly id: string;
  readonly state: TradingState;
}

export type EngineEvent = SignalEvent | ReportEvent | DeniedEvent | SkippedEvent | WhaleEvent | FollowerEvent | StateEvent;

/** Sent to a subscriber in place of `count` events it was too slow to take (oldest dropped first). */
export interface DroppedNotice {
  readonly type: 'dropped';
  readonly count: number;
}

export type EventMessage = EngineEvent | DroppedNotice;

/**
 * The follower an event is about, for follower-scoped subscribers; undefined for events no follower
 * token may see (whale books, whale and engine states).
 */
export function followerOfEvent(event: EngineEvent): string | undefined {
  switch (event.type) {
    case 'signal': case 'report': case 'denied': case 'skipped': case 'follower':
      return event.followerId;
    case 'state':
      return event.scope === 'follower' ? event.id : undefined;
    case 'whale':
      return undefined;
  }
}
