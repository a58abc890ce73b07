// What the HTTP API asks of the running engine after a store write succeeded, and what it reads
// back (live positions). The engine runtime implements it; the API never reaches engines otherwise.

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
}
