// Tests of trading-state combination and the engine/whale/follower state holder.
import { describe, expect, test } from 'bun:test';
import type { TradingState } from '../model';
import { TradingStates, mostRestrictive, stateAllows } from './trading-states';

describe('mostRestrictive', () => {
  test.each([
    ['active', 'active', 'active'],
    ['active', 'reducing', 'reducing'],
    ['reducing', 'active', 'reducing'],
    ['active', 'halted', 'halted'],
    ['halted', 'active', 'halted'],
    ['reducing', 'halted', 'halted'],
    ['halted', 'reducing', 'halted'],
    ['reducing', 'reducing', 'reducing'],
    ['halted', 'halted', 'halted'],
  ] as Array<[TradingState, TradingState, TradingState]>)('%s + %s = %s', (a, b, expected) => {
    expect(mostRestrictive(a, b)).toBe(expected);
  });
});

describe('stateAllows', () => {
  test.each([
    ['active', false, true],
    ['active', true, true],
    ['reducing', false, false],
    ['reducing', true, true],
    ['halted', false, false],
    ['halted', true, false],
  ] as Array<[TradingState, boolean, boolean]>)('%s, reduceOnly=%p -> %p', (state, reduceOnly, expected) => {
    expect(stateAllows(state, reduceOnly)).toBe(expected);
  });
});

describe('TradingStates', () => {
  test('unknown ids are active; the effective state is the most restrictive scope', () => {
    const states = new TradingStates();
    expect(states.effective('w1', 'f1')).toBe('active');
    states.set('whale', 'w1', 'reducing');
    expect(states.effective('w1', 'f1')).toBe('reducing');
    expect(states.effective('w2', 'f1')).toBe('active');
    states.set('follower', 'f1', 'halted');
    expect(states.effective('w1', 'f1')).toBe('halted');
    expect(states.effective('w2', 'f2')).toBe('active');
    states.set('engine', '', 'reducing');
    expect(states.effective('w2', 'f2')).toBe('reducing');
    expect(states.effective('w1', 'f1')).toBe('halted');
    states.set('engine', 'ignored', 'halted');
    expect(states.effective('w2', 'f2')).toBe('halted');
    expect(states.get('engine', '')).toBe('halted');
  });

  test('setting active forgets the id', () => {
    const states = new TradingStates();
    states.set('follower', 'f1', 'halted');
    states.set('follower', 'f2', 'reducing');
    expect([...states.restricted('follower').keys()]).toEqual(['f1', 'f2']);
    states.set('follower', 'f1', 'active');
    expect([...states.restricted('follower').entries()]).toEqual([['f2', 'reducing']]);
    expect(states.get('follower', 'f1')).toBe('active');
  });
});
