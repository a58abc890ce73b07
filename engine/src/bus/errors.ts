// Error classes of the bus: codec failures, an unreachable or failing Redis, dead-letter lookups.
// Owns error shapes only; retry and logging decisions belong to the callers.
import { EngineError, type EngineErrorOptions } from '../core';

/** Bytes that are not a valid message of the expected type (garbage, truncated, unknown enum, bad field). */
export class BusDecodeError extends EngineError {
  readonly code = 'bus_decode_failed' as const;
  constructor(
    readonly messageType: string,
    reason: string,
    options: EngineErrorOptions = {},
  ) {
    super(`cannot decode ${messageType}: ${reason}`, options);
  }
}

/** An engine-side message that cannot be put on the wire (e.g. whale_seq not a safe unsigned integer). */
export class BusEncodeError extends EngineError {
  readonly code = 'bus_encode_failed' as const;
  constructor(
    readonly messageType: string,
    reason: string,
    options: EngineErrorOptions = {},
  ) {
    super(`cannot encode ${messageType}: ${reason}`, options);
  }
}

/**
 * Redis is down, unreachable, not ready or did not answer in time. For a publish the outcome is
 * unknown when the connection dropped mid-flight: the entry may or may not have been added.
 */
export class BusUnavailableError extends EngineError {
  readonly code = 'bus_unavailable' as const;
}

/** Redis answered with an error reply (WRONGTYPE, NOGROUP, OOM, ...). */
export class BusCommandError extends EngineError {
  readonly code = 'bus_command_failed' as const;
}

/** What became of one entry of a publish: added, refused or never written, or not known (see BusPublishIncompleteError). */
export type PublishOutcome = 'added' | 'not_added' | 'unknown';

/**
 * publishBatch failed, but not for every entry: some were added, or may have been (the reply timed out, or the
 * connection dropped after the write; such an entry may still reach its executor). `outcomes[i]` is item i's.
 * When no entry was added and none may have been, publishBatch rejects with the error itself instead.
 */
export class BusPublishIncompleteError extends EngineError {
  readonly code = 'bus_publish_incomplete' as const;
  constructor(
    message: string,
    readonly outcomes: readonly PublishOutcome[],
    options: EngineErrorOptions = {},
  ) {
    super(message, options);
  }
}

export class DeadLetterNotFoundError extends EngineError {
  readonly code = 'bus_dead_letter_not_found' as const;
}

/** A handler threw; the entry stays pending and is delivered again later. Passed to `onError`. */
export class BusHandlerFailedError extends EngineError {
  readonly code = 'bus_handler_failed' as const;
}

/** Thrown by a handler to send an entry to the dead letters at once (retrying cannot help). */
export class PoisonEntryError extends EngineError {
  readonly code = 'bus_poison_entry' as const;
}

/** `ready` of a consumer that was stopped before its group existed. */
export class BusConsumerStoppedError extends EngineError {
  readonly code = 'bus_consumer_stopped' as const;
}

/** Invalid bus configuration or argument (bad shard number, key prefix with a brace, ...). */
export class BusConfigError extends EngineError {
  readonly code = 'bus_config_invalid' as const;
}

/** Handler errors that no redelivery can fix: dead-letter the entry at the first failure. */
export function isPoisonError(error: unknown): boolean {
  return error instanceof PoisonEntryError || error instanceof BusDecodeError;
}

/** Redis lost the consumer group (stream deleted, server restarted empty): recreate it. */
export function isMissingGroupError(error: unknown): boolean {
  return error instanceof BusCommandError && error.message.includes('NOGROUP');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
