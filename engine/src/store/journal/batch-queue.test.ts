// Tests of write-behind batching logic with a recording writer: size and interval triggers, one
// write per batch, retries with counting, row isolation, overflow, close. The database side is in store-outbox.test.ts.
import { describe, expect, test } from 'bun:test';
import { BatchQueue } from './batch-queue';

class Recorder {
  batches: number[][] = [];
  failNext = 0;
  failWith: unknown = new Error('connection reset');
  readonly write = async (rows: number[]) => {
    await Bun.sleep(1);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw this.failWith;
    }
    this.batches.push([...rows]);
  };
  get rows(): number[] { return this.batches.flat(); }
}

/** A database error as drizzle wraps it: the driver error with its SQLSTATE is the cause. */
const rowError = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('bad row'), { code }) });

describe('BatchQueue', () => {
  test('push is synchronous and returns a boolean, not a promise', () => {
    const queue = new BatchQueue('t', new Recorder().write);
    const result: unknown = queue.push(1);
    expect(result).toBe(true);
    expect(queue.stats().buffered).toBe(1);
  });

  test('a full batch is written at once as one write, and the running drain takes the remainder', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { maxRows: 200, intervalMs: 10_000 });
    for (let i = 0; i < 199; i += 1) queue.push(i);
    await Bun.sleep(20);
    expect(recorder.batches).toEqual([]);
    for (let i = 199; i < 450; i += 1) queue.push(i);
    await Bun.sleep(30);
    expect(recorder.batches.map((b) => b.length)).toEqual([200, 200, 50]);
    await queue.flush();
    expect(recorder.rows).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(queue.stats()).toMatchObject({ written: 450, batches: 3, buffered: 0, flushErrors: 0 });
  });

  test('the interval flushes a partial batch', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { maxRows: 200, intervalMs: 15 });
    queue.push(1);
    queue.push(2);
    expect(recorder.batches).toEqual([]);
    await Bun.sleep(60);
    expect(recorder.batches).toEqual([[1, 2]]);
  });

  test('a failing write keeps the rows, counts the error, retries later in order', async () => {
    const recorder = new Recorder();
    const errors: unknown[] = [];
    const queue = new BatchQueue('t', recorder.write, { intervalMs: 5, maxBackoffMs: 20, onError: (e) => errors.push(e) });
    recorder.failNext = 3;
    for (const n of [1, 2, 3]) queue.push(n);
    await queue.flush();
    expect(queue.stats()).toMatchObject({ buffered: 3, flushErrors: 1 });
    queue.push(4);
    await Bun.sleep(150);
    expect(recorder.rows).toEqual([1, 2, 3, 4]);
    expect(queue.stats()).toMatchObject({ buffered: 0, flushErrors: 3, written: 4 });
    expect(errors.length).toBe(3);
  });

  test('while failing, a full buffer does not cut the backoff short', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { maxRows: 10, intervalMs: 5, maxBackoffMs: 80 });
    recorder.failNext = 1_000;
    queue.push(0);
    await queue.flush();
    for (let round = 0; round < 9; round += 1) {
      for (let i = 1; i <= 11; i += 1) queue.push(round * 11 + i);
      await Bun.sleep(2);
    }
    expect(queue.stats().flushErrors).toBeLessThanOrEqual(3);
    recorder.failNext = 0;
    await Bun.sleep(150);
    expect(recorder.rows.length).toBe(100);
  });

  test('an observer that throws does not stop the queue', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { intervalMs: 5, maxBackoffMs: 10, onError: () => { throw new Error('observer'); } });
    recorder.failNext = 1;
    queue.push(1);
    await queue.flush();
    await Bun.sleep(50);
    expect(recorder.rows).toEqual([1]);
  });

  test('row errors (SQLSTATE 22/23) isolate the bad rows and keep the good ones', async () => {
    const bad = new Set([2, 4]);
    const written: number[] = [];
    const queue = new BatchQueue<number>('t', async (rows) => {
      if (rows.some((r) => bad.has(r))) throw rowError('22003');
      written.push(...rows);
    }, { intervalMs: 5 });
    for (const n of [1, 2, 3, 4, 5]) queue.push(n);
    await queue.flush();
    expect(written).toEqual([1, 3, 5]);
    expect(queue.stats()).toMatchObject({ rejected: 2, buffered: 0, written: 3 });
  });

  test('overflow beyond maxBuffered is refused and counted', () => {
    const queue = new BatchQueue('t', new Recorder().write, { maxBuffered: 3, maxRows: 100, intervalMs: 10_000 });
    expect([1, 2, 3, 4, 5].map((n) => queue.push(n))).toEqual([true, true, true, false, false]);
    expect(queue.stats()).toMatchObject({ buffered: 3, overflowed: 2 });
  });

  test('close flushes what is buffered and refuses later rows', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { intervalMs: 10_000 });
    queue.push(1);
    queue.push(2);
    await queue.close();
    expect(recorder.rows).toEqual([1, 2]);
    expect(queue.push(3)).toBe(false);
    expect(queue.stats().overflowed).toBe(1);
  });

  test('close retries a failing write a few times', async () => {
    const recorder = new Recorder();
    const queue = new BatchQueue('t', recorder.write, { intervalMs: 10_000 });
    recorder.failNext = 2;
    queue.push(7);
    await queue.close();
    expect(recorder.rows).toEqual([7]);
  });
});
