// TypeBox models of the followers routes: the single source of truth for validation, types and
// OpenAPI. Secrets (apiKey, secret, privateKey) appear only in request bodies, never in a response.
import { t } from 'elysia';
import { EntityId, EvmAddress, EvmPrivateKey, IsoDate, ListOf, Name, SecretText, TradingStateSchema, VenueSchema } from '../http/model';

export const CreateFollowerBody = t.Union([
  t.Object({
    name: Name, venue: t.Literal('binanceusdm'), apiKey: SecretText, secret: SecretText, state: t.Optional(TradingStateSchema),
  }, { additionalProperties: false }),
  t.Object({
    name: Name, venue: t.Literal('hyperliquid'), address: EvmAddress, privateKey: EvmPrivateKey, state: t.Optional(TradingStateSchema),
  }, { additionalProperties: false }),
]);
export type CreateFollowerBody = typeof CreateFollowerBody.static;

/** Credentials are replaced whole: apiKey + secret (binanceusdm) or address + privateKey (hyperliquid). */
export const UpdateFollowerBody = t.Object({
  name: t.Optional(Name),
  state: t.Optional(TradingStateSchema),
  apiKey: t.Optional(SecretText),
  secret: t.Optional(SecretText),
  address: t.Optional(EvmAddress),
  privateKey: t.Optional(EvmPrivateKey),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateFollowerBody = typeof UpdateFollowerBody.static;

export const FollowerView = t.Object({
  id: EntityId,
  name: t.String(),
  venue: VenueSchema,
  address: t.Union([t.String(), t.Null()]),
  state: TradingStateSchema,
  lastError: t.Union([t.String(), t.Null()]),
  createdAt: IsoDate,
}, { additionalProperties: false });
export type FollowerView = typeof FollowerView.static;
export const FollowerList = ListOf(FollowerView);

export const FollowerPositions = t.Object({
  followerId: EntityId,
  /** False when the engine does not run this follower (no live book). */
  loaded: t.Boolean(),
  positions: t.Array(t.Object({
    symbol: t.String(), target: t.Number(), actual: t.Number(), inFlight: t.Number(),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type FollowerPositions = typeof FollowerPositions.static;
