// Column helpers shared by the table files: bytea, timestamps, and CHECK constraints for text enums.
// Table definitions live one aggregate per file; this file must not define tables.
import { sql, type SQL } from 'drizzle-orm';
import { customType, timestamp, type PgColumn } from 'drizzle-orm/pg-core';

/** bytea as Uint8Array on both drivers (postgres.js hands back a Buffer, which is a Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** timestamptz as Date. */
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** SQL for `column IN ('a', 'b', ...)` used by CHECK constraints on text enum columns. */
export function oneOf(column: PgColumn, values: readonly string[]): SQL {
  const list = sql.join(values.map((value) => sql.raw(`'${value.replace(/'/g, "''")}'`)), sql.raw(', '));
  return sql`${column} in (${list})`;
}

export const VENUES = ['binanceusdm', 'hyperliquid'] as const;
export const WHALE_KINDS = ['binanceusdm', 'hyperliquid', 'tradingview'] as const;
export const TRADING_STATES = ['active', 'reducing', 'halted'] as const;
export const SIDES = ['buy', 'sell'] as const;
