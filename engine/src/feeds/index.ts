// Public surface of engine/src/feeds: ccxt.pro whale and follower streams mapped to engine types.
// Nothing from ccxt is exported; callers see books, events, status and options only.
export { WhaleFeed, defaultSeqSeed } from './whale-feed';
export { FollowerFeed } from './follower-feed';
export { MarketTables } from './markets';
export { MarkFeed, type MarkFeedOptions } from './mark-feed';
export { FeedListenerError, FeedSnapshotError, FeedStartError, FeedStreamError } from './errors';
export { Backoff, DEFAULT_BACKOFF, backoffDelayMs, backoffOptions } from './backoff';
export { isTerminalOrderStatus } from './order-frame';
export { EMPTY_BOOK } from './position-frame';
export type {
  BackoffOptions,
  BookSource,
  EquityEvent,
  FeedAccount,
  FeedCommonOptions,
  FeedErrorInfo,
  FeedStatus,
  FollowerFeedOptions,
  FollowerOrderEvent,
  FollowerOrderStatus,
  FollowerPositionsEvent,
  FollowerTradeEvent,
  PositionBook,
  WhaleFeedOptions,
  WhalePositionsEvent,
} from './types';
