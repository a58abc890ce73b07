// The cancellable sleeps behind the feeds' retry loops.
import { expect, test } from 'bun:test';
import { Sleeper } from './sleeper';

test('sleep resolves after the delay', async () => {
  const s = new Sleeper();
  const t0 = performance.now();
  await s.sleep(20);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
  expect(s.sleeping).toBe(0);
});

test('wakeAll resolves every pending sleep at once and clears its timer', async () => {
  const s = new Sleeper();
  const t0 = performance.now();
  const all = Promise.all([s.sleep(60_000), s.sleep(60_000)]);
  expect(s.sleeping).toBe(2);
  s.wakeAll();
  await all;
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(s.sleeping).toBe(0);
});
