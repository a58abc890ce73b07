// Public surface of the copy path: the engine that turns whale changes into per-shard signal batches.
export { CopyEngine, type CopyEngineOptions, type CopyObserver, type MarketCatalog, type WhaleChange } from './copy-engine';
export { FLATTEN_WHALE_ID, closeAmount, flattenTargets, type CloseTarget, type FlattenScope } from './flatten';
export { FollowIndex, FollowRuntime } from './follows';
