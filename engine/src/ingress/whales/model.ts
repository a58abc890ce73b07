// TypeBox models of the whales routes: the single source of truth for validation, types and OpenAPI.
// Secrets (apiKey, secret) appear only in request bodies, never in a response model.
import { t } from 'elysia';
import { EntityId, EvmAddress, IsoDate, ListOf, Name, SecretText, TradingStateSchema } from '../http/model';

/** A TradingView webhook secret: long enough not to be guessed. */
export const WebhookSecret = t.String({ minLength: 16, maxLength: 256, pattern: '^\\S+$' });
/**
 * Alert ticker (e.g. 'BTCUSDT.P', matched case-insensitively, with or without the exchange prefix) ->
 * ccxt unified symbol whose base asset the followers trade. Tickers not in the map follow the default
 * rule EXCHANGE:BASEQUOTE[.P] -> BASE/QUOTE:QUOTE.
 */
export const TickerMapSchema = t.Record(
  t.String({ minLength: 1, maxLength: 64 }),
  t.String({ pattern: '^[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,20}(:[A-Za-z0-9]{1,20})?$', description: "unified symbol, e.g. 'BTC/USDT:USDT'" }),
  { maxProperties: 1000 },
);

export const CreateWhaleBody = t.Union([
  t.Object({ venue: t.Literal('binanceusdm'), name: t.Optional(Name), apiKey: SecretText, secret: SecretText }, { additionalProperties: false }),
  t.Object({ venue: t.Literal('hyperliquid'), name: t.Optional(Name), address: EvmAddress }, { additionalProperties: false }),
  t.Object({ venue: t.Literal('tradingview'), name: Name, secret: WebhookSecret, tickerMap: t.Optional(TickerMapSchema) }, { additionalProperties: false }),
]);
export type CreateWhaleBody = typeof CreateWhaleBody.static;

/**
 * Fields allowed depend on the whale's kind: address (hyperliquid), apiKey + secret together
 * (binanceusdm), secret and tickerMap (tradingview); name and state for all.
 */
export const UpdateWhaleBody = t.Object({
  name: t.Optional(Name),
  state: t.Optional(TradingStateSchema),
  address: t.Optional(EvmAddress),
  apiKey: t.Optional(SecretText),
  secret: t.Optional(SecretText),
  tickerMap: t.Optional(t.Union([TickerMapSchema, t.Null()])),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateWhaleBody = typeof UpdateWhaleBody.static;

export const WhaleView = t.Object({
  id: EntityId,
  kind: t.Union([t.Literal('binanceusdm'), t.Literal('hyperliquid'), t.Literal('tradingview')]),
  name: t.String(),
  address: t.Union([t.String(), t.Null()]),
  tickerMap: t.Union([t.Record(t.String(), t.String()), t.Null()]),
  state: TradingStateSchema,
  hasCredentials: t.Boolean(),
  hasSecret: t.Boolean(),
  createdAt: IsoDate,
}, { additionalProperties: false });
export type WhaleView = typeof WhaleView.static;
export const WhaleList = ListOf(WhaleView);

export const WhalePositions = t.Object({
  whaleId: EntityId,
  /** False when the engine does not run this whale (no live book). */
  loaded: t.Boolean(),
  positions: t.Array(t.Object({ symbol: t.String(), contracts: t.Number(), entryPrice: t.Number() }, { additionalProperties: false })),
}, { additionalProperties: false });
export type WhalePositions = typeof WhalePositions.static;
