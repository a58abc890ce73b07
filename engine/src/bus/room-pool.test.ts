import { describe, expect, test } from 'bun:test';
import { RoomPool } from './room-pool';

describe('RoomPool', () => {
  test('a buffer given back is taken again for a batch it fits; a larger batch gets a new one', () => {
    const pool = new RoomPool();
    const a = pool.take(100_000);
    expect(a.length).toBe(128 * 1024); // power of two at or above the size
    pool.give(a.subarray(0, 100_000)); // the view the encoder handed out: the whole buffer comes back
    expect(pool.heldBytes).toBe(128 * 1024);
    const b = pool.take(90_000);
    expect(b.buffer).toBe(a.buffer);
    expect(pool.heldBytes).toBe(0);
    const c = pool.take(200_000);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.length).toBe(256 * 1024);
  });

  test('bounded: past maxBuffers the smallest buffer is dropped, buffers not from take() are refused', () => {
    const pool = new RoomPool(2);
    const small = pool.take(10);
    const mid = pool.take(70_000);
    const big = pool.take(300_000);
    pool.give(small);
    pool.give(mid);
    pool.give(big);
    expect(pool.heldBytes).toBe(128 * 1024 + 512 * 1024);
    pool.give(Buffer.allocUnsafe(100)); // a slab slice: below the smallest size class, never kept
    pool.give(undefined);
    expect(pool.heldBytes).toBe(128 * 1024 + 512 * 1024);
  });
});
