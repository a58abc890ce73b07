// What the HTTP API asks of the running engine after a store write succeeded, and what it reads
// back (live positions, trading states, feeds). The engine runtime implements it; the API never
// reaches engines otherwise.
import type { TradingState } from '../model';

export type StateScope = 'engine' | 'whale' | 'follower';

/** One whale or follower feed as the readiness check and the overview see it. */
export interface FeedView {
  kind: 'whale' | 'follower';
  id: string;
  status: { connected: boolean; lastMessageAt: number };
}

export interface WhalePositionView {
  symbol: string;
  /** Signed: negative = short. */
  contracts: number;
  entryPrice: number;
}

export interface FollowerPositionView {
  symbol: string;
  /** Contracts the follows of this follower want now (signed). */
  target: number;
  /** Contracts the follower's venue account holds (signed). */
  actual: number;
  /** Contracts of orders sent and not yet reported (signed). */
  inFlight: number;
}

export interface EngineControl {
  /** A whale was created or changed (name, address, credentials, secret, ticker map, state):
   *  (re)start its feed from the stored record. Must be idempotent. */
  whaleAdded(whaleId: string): Promise<void>;
  /** The whale is deleted (its follows were announced with followRemoved first): stop its feed. */
  whaleRemoved(whaleId: string): Promise<void>;
  /** A follower was created or changed (name, credentials, state): (re)start its private stream
   *  from the stored record. Must be idempotent. */
  followerAdded(followerId: string): Promise<void>;
  /** The follower is deleted (its follows were announced with followRemoved first). */
  followerRemoved(followerId: string): Promise<void>;
  /** A follow was created or updated: reload it from the store. */
  followChanged(followId: string): Promise<void>;
  followRemoved(followId: string): Promise<void>;
  /** Live whale positions; undefined when the engine does not run this whale. */
  whalePositions(whaleId: string): WhalePositionView[] | undefined;
  /** Live target/actual/in-flight per symbol; undefined when the engine does not run this follower. */
  followerPositions(followerId: string): FollowerPositionView[] | undefined;
  /** The state the engine applies now for the scope (`id` ignored for the engine). */
  tradingState(scope: StateScope, id: string): TradingState;
  /** Applies a state (already persisted by the API); lifting a restriction re-diffs the followers concerned. */
  setTradingState(scope: StateScope, id: string, state: TradingState): void;
  /** Sends reduce-only orders closing every follower position of the scope; resolves with how many. */
  flatten(scope: StateScope, id: string): Promise<number>;
  /** Whale and follower feeds the engine runs. */
  feeds(): readonly FeedView[];
}
