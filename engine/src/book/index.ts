// Public surface of engine/src/book: the in-memory whale and follower positions every engine reads.
// Pure data structures plus adapters that update them before passing events on; no I/O.
export { WhaleBook, type WhaleBookUpdate, type WhaleBookPositions } from './whale-book';
export { FollowerBook, DEFAULT_SWEEP, type FollowerHandle, type InFlightOrderView, type OrderRef, type SweepOptions } from './follower-book';
export { followerPositionsInto, isTerminalStatus, orderUpdatesInto, whaleUpdatesInto } from './sinks';
