// Table tests of the pure event helpers: which follower a message belongs to, what a portal may see,
// engine message parsing (nasty inputs included) and drift.
import { describe, expect, test } from 'bun:test';
import { driftOf, followerOf, parseEngineMessage, visibleToFollower, type LiveMessage } from './events';

const signal: LiveMessage = { type: 'signal', ts: 1, whaleId: 'w1', seq: 1, followerId: 'f1', clientOrderId: 'c', symbol: 'BTC/USDT:USDT', side: 'buy', amount: 1, reduceOnly: false, leg: 1 };
const cases: [string, LiveMessage, string | undefined, boolean][] = [
  ['own signal', signal, 'f1', true],
  ['other follower signal', { ...signal, followerId: 'f2' } as LiveMessage, 'f2', false],
  ['whale book', { type: 'whale', ts: 1, whaleId: 'w1', positions: [] }, undefined, false],
  ['own follower state', { type: 'state', ts: 1, scope: 'follower', id: 'f1', state: 'halted' }, 'f1', true],
  ['whale state', { type: 'state', ts: 1, scope: 'whale', id: 'f1', state: 'halted' }, undefined, false],
  ['engine state', { type: 'state', ts: 1, scope: 'engine', id: '', state: 'halted' }, undefined, true],
  ['overview', { type: 'overview', ts: 1, overview: {} as never }, undefined, false],
  ['link', { type: 'link', ts: 1, connected: true }, undefined, true],
];
test.each(cases)('%s: followerOf and visibleToFollower(f1)', (_name, message, follower, visible) => {
  expect(followerOf(message)).toBe(follower);
  expect(visibleToFollower(message, 'f1')).toBe(visible);
});

describe('parseEngineMessage', () => {
  test.each([
    ['{"type":"signal","ts":1}', 'signal'], ['{"type":"dropped","count":3}', 'dropped'], ['{"type":"nope"}', undefined],
    ['not json', undefined], ['null', undefined], ['[1]', undefined], ['"signal"', undefined], ['{"type":"dropped","count":"x"}', undefined],
  ] as const)('%p -> %p', (text, type) => expect(parseEngineMessage(text)?.type).toBe(type));
});

test.each([
  [{ symbol: 's', target: 1, actual: 0.4, inFlight: 0.5 }, 0.1], [{ symbol: 's', target: -1, actual: 0, inFlight: 0 }, -1], [{ symbol: 's', target: 0, actual: 0, inFlight: 0 }, 0],
])('driftOf(%o) -> %p', (p, drift) => expect(driftOf(p)).toBeCloseTo(drift, 12));
