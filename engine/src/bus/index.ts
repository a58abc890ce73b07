// Public surface of engine/src/bus: the Bus contract, its Redis and in-process implementations, the codec.
// Nothing outside bus/ imports ioredis or the generated protobufjs code through any other path.
export type {
  Bus,
  BusConsumer,
  BusEntry,
  ConsumerOptions,
  ControlSubscriptionOptions,
  DeadLetter,
  DeadLetterReason,
  EntryHandler,
  ListDeadLettersOptions,
  ShardPayload,
  StreamEntryId,
  StreamStats,
} from './types';
export { PAYLOAD_HEADROOM, PAYLOAD_TAILROOM } from './types';
export { RedisBus, type RedisBusOptions } from './redis-bus';
export type { SignalBatchWriter } from './codec-signal-writer';
export { InProcessBus, type InProcessBusOptions } from './in-process-bus';
export { createBus, type CreateBusOptions } from './create-bus';
export { BusKeys, DEFAULT_KEY_PREFIX, DEFAULT_REPORT_GROUP, DEFAULT_SIGNAL_GROUP, type StreamKeys } from './keys';
export {
  BusCommandError,
  BusConfigError,
  BusConsumerStoppedError,
  BusDecodeError,
  BusEncodeError,
  BusHandlerFailedError,
  BusUnavailableError,
  BusPublishIncompleteError,
  type PublishOutcome,
  DeadLetterNotFoundError,
  PoisonEntryError,
  isPoisonError,
} from './errors';
export {
  decodeControl,
  decodeExecutionReport,
  decodeSignalBatch,
  encodeControl,
  encodeExecutionReport,
  encodeSignalBatch,
  openSignalBatch,
} from './codec';
export {
  emptyHops,
  type ControlCommand,
  type ExecutionReport,
  type ExecutionStatus,
  type HopStamps,
  type OrderLeg,
  type OrderSide,
  type OrderSignal,
  type SignalBatch,
  type SignalVenue,
  type TradingScope,
  type TradingState,
  type TradingStateChange,
} from './messages';
export { compareStreamIds, nextStreamId, safeTrimMinId, streamIdTimeMs, type GroupPosition } from './stream-id';
