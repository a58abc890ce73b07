// Public surface of engine/src/risk: the pre-trade gate and the trading states (kill switch).
// Pure checks plus an in-memory state holder; denials are events, never exceptions.
export { checkIntent, type DenyReason, type OrderDenied, type RiskContext } from './check-intent';
export { TradingStates, mostRestrictive, stateAllows, type TradingScope } from './trading-states';
