// TypeBox models of the read-only journal routes (orders, fills, signals): queries and views.
// The single source of truth for validation, types and OpenAPI of these routes.
import { t } from 'elysia';
import type { ORDER_STATUSES } from '../../store';
import { EntityId, IsoDate, Limit, ListOf, QueryInteger, VenueSchema } from '../http/model';

const Side = t.Union([t.Literal('buy'), t.Literal('sell')]);
const Nullable = <T extends Parameters<typeof t.Union>[0][number]>(schema: T) => t.Union([schema, t.Null()]);
/** The store's ORDER_STATUSES as literals (t.UnionEnum would make Elysia default an absent query field). */
export const OrderStatusSchema = t.Union([
  t.Literal('pending'), t.Literal('sent'), t.Literal('unknown'), t.Literal('partially_filled'),
  t.Literal('filled'), t.Literal('rejected'), t.Literal('canceled'), t.Literal('skipped'),
]);
type StoreStatus = (typeof ORDER_STATUSES)[number];
type SchemaStatus = typeof OrderStatusSchema.static;
/** Compile-time check that the literals above are exactly the store's statuses (fails to typecheck otherwise). */
export const ORDER_STATUSES_MATCH: [StoreStatus] extends [SchemaStatus] ? ([SchemaStatus] extends [StoreStatus] ? true : never) : never = true;

export const OrdersQuery = t.Object({
  followerId: t.Optional(EntityId),
  whaleId: t.Optional(EntityId),
  status: t.Optional(OrderStatusSchema),
  limit: t.Optional(Limit),
}, { additionalProperties: false });
export type OrdersQuery = typeof OrdersQuery.static;

export const OrderView = t.Object({
  clientOrderId: t.String(),
  followerId: t.String(),
  whaleId: t.String(),
  venue: VenueSchema,
  symbol: t.String(),
  side: Side,
  amount: t.Number(),
  status: OrderStatusSchema,
  reduceOnly: Nullable(t.Boolean()),
  leg: Nullable(t.Union([t.Literal(0), t.Literal(1)])),
  whaleSeq: Nullable(t.Number()),
  filledAmount: t.Number(),
  avgPrice: Nullable(t.Number()),
  venueOrderId: Nullable(t.String()),
  error: Nullable(t.String()),
  attempts: t.Integer(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
}, { additionalProperties: false });
export type OrderView = typeof OrderView.static;
export const OrderList = ListOf(OrderView);

export const FillsQuery = t.Object({
  followerId: t.Optional(EntityId),
  limit: t.Optional(Limit),
}, { additionalProperties: false });
export type FillsQuery = typeof FillsQuery.static;

export const FillView = t.Object({
  id: t.Integer(),
  clientOrderId: t.String(),
  followerId: t.String(),
  venue: VenueSchema,
  symbol: t.String(),
  side: Side,
  amount: t.Number(),
  price: t.Number(),
  fee: t.Number(),
  feeCurrency: Nullable(t.String()),
  venueTradeId: t.String(),
  ts: IsoDate,
}, { additionalProperties: false });
export type FillView = typeof FillView.static;
export const FillList = ListOf(FillView);

export const SignalKindSchema = t.Union([t.Literal('signal'), t.Literal('denial'), t.Literal('skip')]);

export const SignalsQuery = t.Object({
  whaleId: t.Optional(EntityId),
  kind: t.Optional(SignalKindSchema),
  /** Cursor: the `next` of the previous page (entries with a smaller id). */
  beforeId: t.Optional(QueryInteger('beforeId')),
  limit: t.Optional(Limit),
}, { additionalProperties: false });
export type SignalsQuery = typeof SignalsQuery.static;

export const SignalView = t.Object({
  id: t.Integer(),
  kind: SignalKindSchema,
  whaleId: t.String(),
  whaleSeq: t.Number(),
  shard: t.Integer(),
  followerCount: t.Integer(),
  /** The stored wire message (e.g. a SignalBatch), base64. */
  payload: Nullable(t.String({ contentEncoding: 'base64' })),
  detail: Nullable(t.Record(t.String(), t.Unknown())),
  ts: IsoDate,
}, { additionalProperties: false });
export type SignalView = typeof SignalView.static;

export const SignalPage = t.Object({
  items: t.Array(SignalView),
  /** beforeId of the next (older) page; null on the last page. */
  next: Nullable(t.Integer()),
}, { additionalProperties: false });
export type SignalPage = typeof SignalPage.static;
