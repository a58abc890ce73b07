// TypeBox schemas shared by several controllers: ids, trading state, list limits, the error body.
// Only schemas and the types derived from them; no handlers.
import { t } from 'elysia';

export const EntityId = t.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
export const IdParams = t.Object({ id: EntityId });
export const CreatedId = t.Object({ id: t.String() }, { additionalProperties: false });

export const TradingStateSchema = t.Union([t.Literal('active'), t.Literal('reducing'), t.Literal('halted')]);
export const VenueSchema = t.Union([t.Literal('binanceusdm'), t.Literal('hyperliquid')]);

export const Name = t.String({ minLength: 1, maxLength: 100 });
/** API keys and secrets: printable, no whitespace. */
export const SecretText = t.String({ minLength: 1, maxLength: 512, pattern: '^\\S+$' });
export const EvmAddress = t.String({ pattern: '^0x[0-9a-fA-F]{40}$', description: '0x + 40 hex digits' });
export const EvmPrivateKey = t.String({ pattern: '^0x[0-9a-fA-F]{64}$', description: '0x + 64 hex digits' });
export const IsoDate = t.String({ format: 'date-time' });

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
/**
 * A positive integer query parameter. Query coercion loses the field's path, so the custom error
 * carries it ({path, message}); the error mapper reads it.
 */
export const QueryInteger = (name: string, maximum?: number) => t.Integer({
  minimum: 1, ...(maximum === undefined ? {} : { maximum }),
  error: () => ({ path: `/${name}`, message: `${name} must be an integer from 1${maximum === undefined ? '' : ` to ${maximum}`}` }),
});
export const Limit = QueryInteger('limit', MAX_LIMIT);

export const ErrorResponse = t.Object({
  error: t.String({ description: 'stable machine-readable code' }),
  message: t.String(),
  details: t.Optional(t.Unknown()),
}, { additionalProperties: false });

/** A JSON list envelope: `{items}`. */
export const ListOf = <T extends Parameters<typeof t.Array>[0]>(item: T) => t.Object({ items: t.Array(item) }, { additionalProperties: false });
