// Ordering and concurrency of FollowerLanes: one follower serial, followers side by side within the bound.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from '../core';
import { FollowerLanes } from './follower-lanes';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FollowerLanes', () => {
  test('tasks of one follower run in arrival order, never overlapping', async () => {
    const lanes = new FollowerLanes(8);
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([lanes.run('f', task('close', 15)), lanes.run('f', task('open', 1))]);
    expect(results).toEqual(['close', 'open']);
    expect(log).toEqual(['start close', 'end close', 'start open', 'end open']);
  });

  test('different followers run concurrently up to the bound', async () => {
    const lanes = new FollowerLanes(3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await tick(5);
      running--;
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => lanes.run(`f${i}`, task)));
    expect(peak).toBe(3);
    expect(lanes.activeFollowers).toBe(0);
  });

  test('a failing task rejects its caller but does not block the follower lane', async () => {
    const lanes = new FollowerLanes(1);
    const failed = lanes.run('f', async () => {
      throw new Error('venue down');
    });
    const next = lanes.run('f', async () => 'next');
    await expect(failed).rejects.toThrow('venue down');
    expect(await next).toBe('next');
  });

  test('a follower waiting on its own lane does not hold a concurrency slot', async () => {
    const lanes = new FollowerLanes(1);
    const order: string[] = [];
    const a1 = lanes.run('a', async () => {
      await tick(10);
      order.push('a1');
    });
    const a2 = lanes.run('a', async () => {
      order.push('a2');
    });
    const b = lanes.run('b', async () => {
      order.push('b');
    });
    await Promise.all([a1, a2, b]);
    expect(order).toEqual(['a1', 'b', 'a2']);
  });

  test.each([0, -1, 1.5, NaN])('rejects concurrency %p', (n) => {
    expect(() => new FollowerLanes(n)).toThrow(InvalidArgumentError);
  });
});
