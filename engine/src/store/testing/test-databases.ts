// Test support: runs one suite against both drivers. PGlite in memory, and real PostgreSQL in a
// fresh database `wc_test_<random>` created on TEST_DATABASE_URL (default 127.0.0.1:5432/test) and dropped after.
import postgres from 'postgres';
import { connect, IN_MEMORY, type Connection } from '../db/connect';
import type { DriverName } from '../db/database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly driver: DriverName;
  /** A new connection (migrations applied) to this test database. */
  connect(): Promise<Connection>;
  /** Database URL for postgres, undefined for PGlite. */
  readonly url: string | undefined;
  /** Drops the database (postgres); connections must be closed first. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(driver: DriverName): Promise<TestDatabase> {
  if (driver === 'pglite') {
    return { driver, url: undefined, connect: () => connect({ dataDir: IN_MEMORY, poolSize: 1 }), drop: async () => {} };
  }
  const name = `wc_test_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(TEST_DATABASE_URL, name);
  return {
    driver,
    url,
    connect: () => connect({ databaseUrl: url, dataDir: IN_MEMORY, poolSize: 4 }),
    async drop() {
      const dropper = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

export const DRIVERS: readonly DriverName[] = ['pglite', 'postgres'];
