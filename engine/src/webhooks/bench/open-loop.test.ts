// Tests of the open-loop generator: requests go out on schedule whatever the replies do, and a stall is
// charged to every request it delayed (no coordinated omission); percentiles by nearest rank.
import { expect, test } from 'bun:test';
import { percentileOf, runOpenLoop } from './open-loop';

test('a 200 ms stall of the server shows in the requests due during it, not just in one', async () => {
  let stalledUntil = 0;
  const result = await runOpenLoop({
    ratePerSec: 200, durationMs: 1000,
    async send(i) {
      if (i === 100) stalledUntil = performance.now() + 200;
      const wait = Math.max(0, stalledUntil - performance.now());
      await Bun.sleep(wait > 0 ? wait : 0);
      return true;
    },
  });
  expect(result.scheduled).toBe(200);
  expect(result.measured).toBe(200);
  const slow = [...result.latenciesMs].filter((ms) => ms > 50).length;
  // A closed-loop client would record one slow request; every request due in the 200 ms (about 40) is slow here.
  expect(slow).toBeGreaterThan(25);
  expect(percentileOf(result.latenciesMs, 50)).toBeLessThan(20);
  expect(result.achievedPerSec).toBeGreaterThan(150);
});

test('the warm-up is sent but not measured; failures are counted apart', async () => {
  const result = await runOpenLoop({ ratePerSec: 100, durationMs: 500, warmupMs: 200, send: async (i) => i % 10 !== 9 });
  expect(result.scheduled).toBe(50);
  expect(result.failed).toBe(5);
  expect(result.measured).toBe(30 - 3);
});

test.each([[50, 5], [99, 10], [100, 10], [0, 1]] as const)('percentileOf p%d of 1..10 -> %d', (p, expected) => {
  expect(percentileOf(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), p)).toBe(expected);
});
