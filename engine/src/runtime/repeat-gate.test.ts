import { expect, test } from 'bun:test';
import { RepeatGate } from './repeat-gate';

test('once per key per window; keys apart; the memory bounded', () => {
  const gate = new RepeatGate(60_000, 2);
  expect(gate.pass('f1', 0)).toBe(true);
  expect(gate.pass('f1', 59_999)).toBe(false);
  expect(gate.pass('f2', 59_999)).toBe(true);
  expect(gate.pass('f1', 60_000)).toBe(true);
  expect(gate.pass('f1', 60_001)).toBe(false);
  expect(gate.pass('f3', 60_002)).toBe(true); // third key: memory starts over
  expect(gate.pass('f1', 60_003)).toBe(true);
});
