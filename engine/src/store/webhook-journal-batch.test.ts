// Tests of WebhookJournalRepository.recordMany on PGlite and real PostgreSQL: one statement with record()'s
// duplicate rule per row, input order kept, all or nothing, concurrent batches never accept a key twice.
import { expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import { DUPLICATE_REASON } from './repos/webhooks';
import { isRowError } from './repos/sql-errors';
import { describeOnDrivers } from './testing/driver-suite';
import type { WebhookEntry } from './types';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
type Step = [key: string, accepted: boolean, reason: string | null];
const entriesOf = (strategy: string, ns: string, steps: readonly Step[]): WebhookEntry[] =>
  steps.map(([key, accepted, reason], n) => ({ strategy, idempotencyKey: `${ns}:${key}`, accepted, reason, sourceIp: n % 2 ? null : '52.89.214.238', body: `{"n":${n}}` }));

// [name, rows already recorded with record(), the batch, expected (accepted, reason, duplicate) per batch row]
const CASES: Array<[string, Step[], Step[], Array<[boolean, string | null, boolean]>]> = [
  ['fresh keys all accepted', [], [['a', true, null], ['b', true, 'note']], [[true, null, false], [true, 'note', false]]],
  ['same key twice in the batch: second is a duplicate', [], [['a', true, null], ['a', true, null]],
    [[true, null, false], [false, DUPLICATE_REASON, true]]],
  ['key accepted before the batch', [['a', true, null]], [['a', true, 'x'], ['b', true, null]],
    [[false, DUPLICATE_REASON, true], [true, null, false]]],
  ['refused rows keep their reason and never count as accepted', [['a', false, 'bad secret']],
    [['a', false, 'stale'], ['a', true, null], ['a', false, 'bad secret'], ['a', true, null]],
    [[false, 'stale', false], [true, null, false], [false, 'bad secret', false], [false, DUPLICATE_REASON, true]]],
  ['empty key is a key like any other', [], [['', true, null], ['', true, null], ['', false, 'r']],
    [[true, null, false], [false, DUPLICATE_REASON, true], [false, 'r', false]]],
  ['three of one key, interleaved with another', [['b', true, null]],
    [['a', true, null], ['b', true, null], ['a', true, null], ['a', true, null]],
    [[true, null, false], [false, DUPLICATE_REASON, true], [false, DUPLICATE_REASON, true], [false, DUPLICATE_REASON, true]]],
];

describeOnDrivers('webhook journal recordMany', (env) => {
  test.each(CASES)('%s: as expected and as record() one by one', async (_name, before, batch, expected) => {
    const { webhooks } = env().store;
    const strategy = uid('s');
    const [many, single] = [uid('many'), uid('single')];
    for (const entry of entriesOf(strategy, many, before)) await webhooks.record(entry);
    for (const entry of entriesOf(strategy, single, before)) await webhooks.record(entry);
    const got = await webhooks.recordMany(entriesOf(strategy, many, batch));
    const oneByOne = [];
    for (const entry of entriesOf(strategy, single, batch)) oneByOne.push(await webhooks.record(entry));
    const shape = (r: { record: { accepted: boolean; reason: string | null }; duplicate: boolean }) => [r.record.accepted, r.record.reason, r.duplicate];
    expect(got.map(shape)).toEqual(expected);
    expect(oneByOne.map(shape)).toEqual(expected);
    const keys = await env().rows<{ idempotency_key: string; n: number | string }>(sql`select idempotency_key, count(*) as n
      from webhook_journal where strategy = ${strategy} and accepted group by idempotency_key`);
    expect(keys.every((k) => Number(k.n) === 1)).toBe(true);
  });

  test('results and ids follow input order; stored rows equal the returned records', async () => {
    const { webhooks } = env().store;
    const strategy = uid('order');
    const entries = entriesOf(strategy, uid('k'), Array.from({ length: 300 }, (_, n): Step => [String(n % 50), n % 3 !== 0, n % 3 === 0 ? 'r' : null]));
    const started = Date.now();
    const got = await webhooks.recordMany(entries);
    expect(got.map((r) => r.record.body)).toEqual(entries.map((e) => e.body));
    expect(got.map((r) => r.record.sourceIp)).toEqual(entries.map((e) => e.sourceIp ?? null));
    const ids = got.map((r) => r.record.id);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(got[0]!.record.ts).toBeInstanceOf(Date);
    expect(Math.abs(got[0]!.record.ts.getTime() - started)).toBeLessThan(60_000);
    expect(got.filter((r) => r.record.accepted).length).toBe(50);
    const stored = await webhooks.list({ strategy, limit: 1000 });
    expect(stored.reverse()).toEqual(got.map((r) => r.record));
  });

  test('an empty batch writes nothing', async () => {
    expect(await env().store.webhooks.recordMany([])).toEqual([]);
  });

  test('all or nothing: a row the database refuses fails the whole batch with a row error', async () => {
    const { webhooks } = env().store;
    const strategy = uid('poison');
    const entries = entriesOf(strategy, uid('k'), [['a', true, null], ['b', true, null]]);
    entries[1] = { ...entries[1]!, body: 'nul \u0000 byte' };
    const error = await webhooks.recordMany(entries).then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    expect(isRowError(error)).toBe(true);
    expect(await webhooks.list({ strategy })).toEqual([]);
  });

  test('a lone surrogate is stored as record() stores it (U+FFFD)', async () => {
    const { webhooks } = env().store;
    const strategy = uid('surrogate');
    const body = '{"x":"\ud83d"}';
    const [many] = await webhooks.recordMany([{ strategy, idempotencyKey: uid('k'), accepted: false, reason: 'r', body }]);
    const single = await webhooks.record({ strategy, idempotencyKey: uid('k'), accepted: false, reason: 'r', body });
    expect(many!.record.body).toBe('{"x":"\ufffd"}');
    expect((await webhooks.list({ strategy })).map((r) => r.body)).toEqual([single.record.body, many!.record.body]);
  });

  test('concurrent batches and record() calls with one key: exactly one accepted', async () => {
    const { webhooks } = env().store;
    const strategy = uid('race');
    const key = uid('k');
    const entry: WebhookEntry = { strategy, idempotencyKey: key, accepted: true, body: '{}' };
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => webhooks.recordMany([entry, entry, { ...entry, idempotencyKey: uid('other') }])),
      ...Array.from({ length: 4 }, async () => [await webhooks.record(entry)]),
    ]);
    const forKey = results.flat().filter((r) => r.record.idempotencyKey === key);
    expect(forKey.length).toBe(16);
    expect(forKey.filter((r) => !r.duplicate).length).toBe(1);
    expect(forKey.filter((r) => r.duplicate).every((r) => !r.record.accepted && r.record.reason === DUPLICATE_REASON)).toBe(true);
    const [row] = await env().rows<{ n: number | string }>(sql`select count(*) as n from webhook_journal where idempotency_key = ${key} and accepted`);
    expect(Number(row!.n)).toBe(1);
  });
});
