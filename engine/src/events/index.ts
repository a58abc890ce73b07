// Public surface of engine/src/events: the live event shapes, the in-process EventHub with bounded
// per-subscriber queues, the socket pump, and the producers the composition root wires in.
export type {
  DeniedEvent, DroppedNotice, EngineEvent, EventMessage, EventScope, FollowerEvent, ReportEvent, SignalEvent, SkippedEvent,
  StateEvent, WhaleEvent,
} from './events';
export { followerOfEvent } from './events';
export { DEFAULT_QUEUE_CAPACITY, EventHub, EventSubscription, type SubscribeOptions } from './event-hub';
export { DEFAULT_HIGH_WATER_BYTES, SocketPump, type EventSocket } from './socket-pump';
export { EngineEventSource, combineObservers, copyEventsObserver, type EngineEventSourceOptions, type LiveBooks, type WhaleOfFollow } from './engine-events';
export { OrderRate } from './order-rate';
