// TypeBox models of the follows routes: the single source of truth for validation, types and OpenAPI
// of sizing, caps, leverage, symbol filters and the existing-position policy.
import { t } from 'elysia';
import { EntityId, IsoDate, ListOf, TradingStateSchema } from '../http/model';

const Positive = t.Number({ exclusiveMinimum: 0 });

export const SizingSchema = t.Union([
  t.Object({ mode: t.Literal('proportional'), k: Positive }, { additionalProperties: false }),
  t.Object({ mode: t.Literal('equity'), k: Positive }, { additionalProperties: false }),
  t.Object({ mode: t.Literal('fixed_notional'), usd: Positive }, { additionalProperties: false }),
]);

export const CapsSchema = t.Object({
  maxOrderNotional: t.Optional(Positive),
  maxPositionNotional: t.Optional(Positive),
  maxLeverage: t.Optional(Positive),
}, { additionalProperties: false });

export const LeverageSchema = t.Union([
  t.Object({ mode: t.Literal('copy') }, { additionalProperties: false }),
  t.Object({ mode: t.Literal('fixed'), value: t.Integer({ minimum: 1, maximum: 125 }) }, { additionalProperties: false }),
]);

const SymbolList = t.Array(t.String({ minLength: 1, maxLength: 64 }), { maxItems: 1000, uniqueItems: true });
export const SymbolFilterSchema = t.Object({ allow: t.Optional(SymbolList), deny: t.Optional(SymbolList) }, { additionalProperties: false });

export const ExistingSchema = t.Union([t.Literal('copy_now'), t.Literal('wait_next_change')]);

export const CreateFollowBody = t.Object({
  whaleId: EntityId,
  followerId: EntityId,
  sizing: SizingSchema,
  caps: t.Optional(CapsSchema),
  /** Default {mode: 'copy'}. */
  leverage: t.Optional(LeverageSchema),
  symbols: t.Optional(SymbolFilterSchema),
  /** Default 'copy_now'. */
  existing: t.Optional(ExistingSchema),
  state: t.Optional(TradingStateSchema),
}, { additionalProperties: false });
export type CreateFollowBody = typeof CreateFollowBody.static;

/** whaleId and followerId never change: delete the follow and create another. */
export const UpdateFollowBody = t.Object({
  sizing: t.Optional(SizingSchema),
  caps: t.Optional(CapsSchema),
  leverage: t.Optional(LeverageSchema),
  symbols: t.Optional(SymbolFilterSchema),
  existing: t.Optional(ExistingSchema),
  state: t.Optional(TradingStateSchema),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateFollowBody = typeof UpdateFollowBody.static;

export const FollowListQuery = t.Object({
  whaleId: t.Optional(EntityId),
  followerId: t.Optional(EntityId),
  state: t.Optional(TradingStateSchema),
}, { additionalProperties: false });
export type FollowListQuery = typeof FollowListQuery.static;

export const FollowView = t.Object({
  id: EntityId,
  whaleId: EntityId,
  followerId: EntityId,
  sizing: SizingSchema,
  caps: CapsSchema,
  leverage: LeverageSchema,
  symbols: SymbolFilterSchema,
  existing: ExistingSchema,
  state: TradingStateSchema,
  createdAt: IsoDate,
}, { additionalProperties: false });
export type FollowView = typeof FollowView.static;
export const FollowList = ListOf(FollowView);
