// Public surface of engine/src/webhooks: the TradingView ingress (no HTTP framework inside), its options,
// and the pure pieces (alert parsing, ticker mapping, replay keys, source checks) for tests and tools.
export { TradingViewIngress, type TradingViewIngressDeps, type WebhookReply, type WebhookRequest } from './tradingview-ingress';
export { DEFAULT_WEBHOOK_OPTIONS, webhookOptionsOf, type WebhookConfigLike, type WebhookOptions } from './options';
export { MAX_CONTRACTS, MAX_PRICE, parseAlert, type AlertParse, type MarketPosition, type TradingViewAlert } from './alert';
export { refusal, refusalBody, type Refusal, type RefusalCode } from './refusals';
export { KNOWN_QUOTES, UNIFIED_SYMBOL, baseOfSymbol, defaultSymbolOf, normalizeTickerMap, resolveTicker, tickerVariants } from './ticker';
export { AlertClock, ReplayWindow, idempotencyKey } from './replay-guard';
export { SourceRateLimiter, TRADINGVIEW_ADDRESSES, clientAddress, normalizeAddress, parseAllowlist } from './source-guard';
export { StrategyRegistry, type Strategy, type StrategyStore } from './strategies';
export { REDACTED, redactAlert, redactRawBody } from './webhook-journal';
export { bookWithPosition, entryPriceAfter } from './position-book';
