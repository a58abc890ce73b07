// The drizzle database handle shared by all repositories, whichever driver is underneath.
// Only engine/src/store uses this type; repositories return plain domain objects.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '../schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = 'pglite' | 'postgres';
