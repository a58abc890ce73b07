// A position in one symbol, whale's or follower's, in contracts. Types only.

export interface Position {
  readonly symbol: string;
  /** Signed contracts: negative = short, 0 = flat. */
  readonly contracts: number;
  readonly entryPrice: number;
  readonly markPrice?: number;
}
