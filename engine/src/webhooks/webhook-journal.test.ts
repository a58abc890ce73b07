// Tests of journal redaction (parsed and unparseable bodies) and of the write-behind journal on a real
// PGlite store: rows arrive, a duplicate accepted key is journaled as refused, nothing is awaited at append.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { openStore, type Store } from '../store';
import { REDACTED, WebhookJournal, redactAlert, redactRawBody } from './webhook-journal';

test.each([
  ['{"secret":"abc","x":1}', `{"secret":"${REDACTED}","x":1}`],
  ['{"SECRET" : "a\\"b", "y": 2', `{"SECRET" : "${REDACTED}", "y": 2`],
  ['{"secret": "unterminated', `{"secret": "${REDACTED}"`],
  ['{"secret": 12345, "z": 1}', `{"secret": "${REDACTED}", "z": 1}`],
  ['{"a":"secret"}', '{"a":"secret"}'],
  ['{"Api_Secret":"k1","TOKEN": "k2"}', `{"Api_Secret":"${REDACTED}","TOKEN": "${REDACTED}"}`],
])('redactRawBody(%p)', (text, expected) => expect(redactRawBody(text)).toBe(expected));

test('redactRawBody cuts long bodies after redacting', () => {
  const text = `{"x":"${'a'.repeat(600)}","secret":"s3cr3t"}`;
  expect(redactRawBody(text).length).toBe(512);
  expect(redactRawBody(`{"secret":"${'s'.repeat(600)}"}`)).not.toContain('sss');
});

test('redactAlert replaces only secret-like members', () => {
  expect(JSON.parse(redactAlert({ secret: 'x', ticker: 'BTCUSDT' }))).toEqual({ secret: REDACTED, ticker: 'BTCUSDT' });
  expect(JSON.parse(redactAlert({ SECRET: 'x', password: 'y', ticker: 'T' }))).toEqual({ SECRET: REDACTED, password: REDACTED, ticker: 'T' });
  expect(redactAlert({ ticker: 'BTCUSDT' })).toBe('{"ticker":"BTCUSDT"}');
});

let store: Store;
beforeAll(async () => { store = await openStore({ dataDir: 'memory://' }); }, 30_000);
afterAll(async () => { await store.close(); }, 30_000);

test('append is synchronous; flushed rows are in the store in order, a second accepted key is a duplicate', async () => {
  const journal = new WebhookJournal(store.webhooks, { intervalMs: 5, concurrency: 1 });
  const entry = (n: number, accepted: boolean) => ({ strategy: 'w1', idempotencyKey: `k${n % 2}`, accepted, reason: accepted ? null : 'x', sourceIp: '1.2.3.4', body: `{"n":${n}}` });
  expect(journal.append(entry(0, true))).toBe(true);
  journal.append(entry(1, false));
  journal.append(entry(2, true));
  expect(await store.webhooks.list({ strategy: 'w1' })).toEqual([]);
  await journal.flush();
  const rows = (await store.webhooks.list({ strategy: 'w1' })).reverse();
  expect(rows.map((r) => [r.body, r.accepted, r.reason])).toEqual([
    ['{"n":0}', true, null], ['{"n":1}', false, 'x'], ['{"n":2}', false, 'duplicate idempotency key'],
  ]);
  expect(journal.stats().written).toBe(3);
  await journal.close();
  expect(journal.append(entry(3, true))).toBe(false);
});

test('concurrent writes: every row once, even when some writes fail and are retried', async () => {
  let calls = 0;
  const written: string[] = [];
  const flaky = {
    async record(entry: { body: string }) {
      calls++;
      if (calls % 7 === 3) throw new Error('connection reset');
      written.push(entry.body);
      return undefined as never;
    },
  };
  const journal = new WebhookJournal(flaky, { intervalMs: 1, maxBackoffMs: 5, concurrency: 4 });
  for (let n = 0; n < 100; n++) journal.append({ strategy: 's', idempotencyKey: '', accepted: false, reason: 'r', sourceIp: null, body: String(n) });
  for (let i = 0; i < 50 && journal.stats().buffered > 0; i++) await journal.flush();
  expect(written.length).toBe(100);
  expect(new Set(written).size).toBe(100);
  expect(journal.stats().flushErrors).toBeGreaterThan(0);
  await journal.close();
});

test('a sink with recordMany gets whole batches in one call', async () => {
  const batches: number[] = [];
  const sink = { record: async () => { throw new Error('not used'); }, recordMany: async (rows: readonly unknown[]) => { batches.push(rows.length); } };
  const journal = new WebhookJournal(sink, { intervalMs: 1000, maxRows: 40 });
  for (let n = 0; n < 100; n++) journal.append({ strategy: 's', idempotencyKey: '', accepted: false, reason: 'r', sourceIp: null, body: String(n) });
  await journal.flush();
  expect(batches).toEqual([40, 40, 20]);
  await journal.close();
});
