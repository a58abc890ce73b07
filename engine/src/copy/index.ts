// Public surface of the copy path: the engine that turns whale changes into per-shard signal batches.
export { CopyEngine, type CopyEngineOptions, type CopyObserver, type MarketCatalog, type WhaleChange } from './copy-engine';
export { FollowIndex, type FollowRuntime } from './follows';
