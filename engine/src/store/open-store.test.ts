// Tests of openStore itself: the PGlite folder default survives a reopen, the postgres URL path,
// close flushing the journal, and a clear typed error when the database cannot be reached.
import { expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { MIGRATIONS_FOLDER } from './db/connect';
import { StoreOpenError } from './errors';
import { openStore } from './open-store';
import { createTestDatabase } from './testing/test-databases';

test('PGlite in a folder: data and migrations survive close and reopen; close flushes the journal', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'wc-pglite-')), 'db');
  try {
    const first = await openStore({ dataDir, journal: { intervalMs: 10_000 } });
    expect(first.driver).toBe('pglite');
    const whale = await first.whales.create({ kind: 'hyperliquid', name: 'persisted', address: `0x${'1'.repeat(40)}` });
    first.journal.appendSignal({ kind: 'skip', whaleId: whale.id, whaleSeq: 1, shard: 0, followerCount: 0, detail: { reason: 'no followers' } });
    await first.close();
    await first.close();
    const second = await openStore({ dataDir });
    expect((await second.whales.get(whale.id))?.name).toBe('persisted');
    expect((await second.signals.list({ whaleId: whale.id })).map((s) => s.detail)).toEqual([{ reason: 'no followers' }]);
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('DATABASE_URL set: postgres.js driver, same API', async () => {
  const database = await createTestDatabase('postgres');
  try {
    const store = await openStore({ databaseUrl: database.url });
    expect(store.driver).toBe('postgres');
    await store.audit.append({ actor: 'test', action: 'open', target: 'store' });
    expect((await store.audit.list()).length).toBe(1);
    await store.close();
  } finally {
    await database.drop();
  }
});

test('several processes opening one new postgres database at once migrate it exactly once', async () => {
  const database = await createTestDatabase('postgres');
  try {
    const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openStore({ databaseUrl: database.url, poolSize: 2 })));
    const stores = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      await stores[0]!.operators.create({ email: 'a@b.c', passwordHash: 'h' });
      expect((await stores[3]!.operators.getByEmail('a@b.c'))?.email).toBe('a@b.c');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const check = postgres(database.url!, { max: 1 });
    const [row] = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await check.end();
    const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    expect(row!.n).toBe(journal.entries.length);
  } finally {
    await database.drop();
  }
});

test('an unreachable database is a StoreOpenError naming the driver and step', async () => {
  const error = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  expect(error).toMatchObject({ code: 'STORE_OPEN_FAILED', driver: 'postgres', step: 'connect' });
});
