// Shapes the executor takes from its composition root: follower credentials and the metrics hook.
// Types only; no ccxt type appears here.
import type { ExecutionReport } from '../bus';
import type { Venue } from '../model';

export type FollowerCredentials =
  | { readonly venue: 'binanceusdm'; readonly apiKey: string; readonly secret: string }
  | { readonly venue: 'hyperliquid'; readonly address: string; readonly privateKey: string };

/**
 * The follower's venue credentials. Throw MissingCredentialsError when the follower has none (its orders
 * are then REJECTED); any other error is taken as transient and the batch is delivered again later.
 */
export type CredentialsLookup = (followerId: string) => Promise<FollowerCredentials>;

export interface ExecutionObserver {
  /** Called once per report after it is published; latencyMs = from dequeue to the outcome being known. */
  onOrder(report: ExecutionReport, latencyMs: number): void;
  /** Called for every order request sent, with the transport it went over (Binance: WebSocket API or REST). */
  onOrderRequest?(shard: number, venue: Venue, transport: OrderTransport): void;
}

/** How an order request reached the venue. */
export type OrderTransport = 'websocket' | 'rest';
