// Table tests of the trading-state actions: the request each sends per scope, the confirmation text,
// and which action is the current state.
import { expect, test } from 'bun:test';
import { changeFor, confirmationText, isCurrent } from './state-model';

test.each([
  ['halted', 'engine', '', { scope: 'engine', state: 'halted', flatten: false }],
  ['flatten', 'whale', 'w1', { scope: 'whale', id: 'w1', state: 'halted', flatten: true }],
  ['reducing', 'follower', 'f1', { scope: 'follower', id: 'f1', state: 'reducing', flatten: false }],
  ['active', 'follower', 'f1', { scope: 'follower', id: 'f1', state: 'active', flatten: false }],
] as const)('changeFor(%s, %s, %p)', (action, scope, id, change) => expect(changeFor(action, scope, id)).toEqual(change));

test.each([
  ['halted', 'engine', '', '', 'Halt the whole engine: no new orders are sent. Open positions stay as they are.'],
  ['flatten', 'whale', 'w1', 'Big Fish', 'Flatten whale Big Fish: halt, then send reduce-only orders closing every open position.'],
  ['active', 'follower', 'f1', '', 'Resume copying for follower f1: new orders will open and close positions again.'],
] as const)('confirmationText(%s, %s)', (action, scope, id, label, text) => expect(confirmationText(action, scope, id, label)).toBe(text));

test.each([
  ['halted', 'halted', true], ['flatten', 'halted', false], ['active', 'reducing', false], ['reducing', 'reducing', true],
] as const)('isCurrent(%s, %s) -> %p', (action, state, current) => expect(isCurrent(action, state)).toBe(current));
