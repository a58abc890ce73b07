// Errors of the feeds: a stream that failed, a snapshot that could not be taken, a bad option.
// Shapes only; the feed decides retries (always: with backoff) and never logs per frame.
import { EngineError } from '../core';

/** A venue stream rejected or closed; the feed reconnects with backoff. */
export class FeedStreamError extends EngineError {
  readonly code = 'feed_stream' as const;
}

/** A REST snapshot (positions or balance) failed; the feed retries it with backoff. */
export class FeedSnapshotError extends EngineError {
  readonly code = 'feed_snapshot' as const;
}

/** Loading the venue's markets failed at start(). */
export class FeedStartError extends EngineError {
  readonly code = 'feed_start' as const;
}

/** A consumer callback threw; the feed keeps running and reports it. */
export class FeedListenerError extends EngineError {
  readonly code = 'feed_listener' as const;
}
