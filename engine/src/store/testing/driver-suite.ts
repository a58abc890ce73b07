// Test support: `describeOnDrivers` runs the same bun:test suite once on PGlite (in memory) and once
// on a fresh PostgreSQL database, with a store, its raw connection and a fresh keyring.
import { afterAll, beforeAll, describe } from 'bun:test';
import type { SQL } from 'drizzle-orm';
import type { Connection } from '../db/connect';
import type { DriverName } from '../db/database';
import { assembleStore, type Store, type StoreConfig } from '../open-store';
import { generateKeySpec, keyringFromSpec, type Keyring } from '../secrets';
import { createTestDatabase, DRIVERS, type TestDatabase } from './test-databases';

export interface DriverEnv {
  readonly driver: DriverName;
  readonly database: TestDatabase;
  readonly connection: Connection;
  readonly keyring: Keyring;
  readonly store: Store;
  /** Runs raw SQL on the store's own connection and returns the rows. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
}

export function describeOnDrivers(
  title: string, body: (env: () => DriverEnv) => void, config: Pick<StoreConfig, 'journal'> = {},
): void {
  for (const driver of DRIVERS) {
    describe(`${title} [${driver}]`, () => {
      let env: DriverEnv | undefined;
      beforeAll(async () => {
        const database = await createTestDatabase(driver);
        const connection = await database.connect();
        const keyring = await keyringFromSpec(generateKeySpec());
        const store = assembleStore(connection, { keyring, journal: config.journal });
        env = {
          driver, database, connection, keyring, store,
          async rows<T>(query: SQL) {
            const result = (await connection.db.execute(query)) as unknown;
            return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
          },
        };
      });
      afterAll(async () => {
        await env?.store.close();
        await env?.database.drop();
      });
      body(() => {
        if (env === undefined) throw new Error(`${driver} test database did not open`);
        return env;
      });
    });
  }
}
