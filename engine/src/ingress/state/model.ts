// TypeBox models of the trading-state switch: POST /api/state (engine, whale or follower; optional
// flatten) and GET /api/state. Schemas and derived types only.
import { t } from 'elysia';
import { EntityId, TradingStateSchema } from '../http/model';

export const StateScopeSchema = t.Union([t.Literal('engine'), t.Literal('whale'), t.Literal('follower')]);

export const SetStateBody = t.Object({
  scope: StateScopeSchema,
  /** The whale or follower; not used for the engine. */
  id: t.Optional(EntityId),
  state: TradingStateSchema,
  /** Also send reduce-only orders closing every position of the scope (needs state reducing or halted). */
  flatten: t.Optional(t.Boolean()),
}, { additionalProperties: false });
export type SetStateBody = typeof SetStateBody.static;

export const StateChanged = t.Object({
  scope: StateScopeSchema,
  id: t.Union([t.String(), t.Null()]),
  state: TradingStateSchema,
  /** Close orders sent by flatten (0 without flatten). */
  flattened: t.Integer({ minimum: 0 }),
}, { additionalProperties: false });
export type StateChanged = typeof StateChanged.static;

export const StatesView = t.Object({
  engine: TradingStateSchema,
  whales: t.Record(t.String(), TradingStateSchema),
  followers: t.Record(t.String(), TradingStateSchema),
}, { additionalProperties: false });
export type StatesView = typeof StatesView.static;
