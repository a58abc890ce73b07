// Table tests of the follow form parser: each sizing mode, caps, and the refusals (no whale, zero,
// negative, not a number, unknown mode).
import { expect, test } from 'bun:test';
import { capsText, FollowFormError, parseFollowForm, sizingText } from './follow-form';

const form = (fields: Record<string, string>) => new Map(Object.entries(fields));

test.each([
  [{ whaleId: 'w', mode: 'proportional', factor: '0.5' }, { whaleId: 'w', sizing: { mode: 'proportional', k: 0.5 }, caps: {} }],
  [{ whaleId: 'w', mode: 'equity', factor: '1', maxLeverage: '5' }, { whaleId: 'w', sizing: { mode: 'equity', k: 1 }, caps: { maxLeverage: 5 } }],
  [{ whaleId: 'w', mode: 'fixed_notional', factor: '250', maxOrderNotional: '100', maxPositionNotional: ' ' }, { whaleId: 'w', sizing: { mode: 'fixed_notional', usd: 250 }, caps: { maxOrderNotional: 100 } }],
])('parses %o', (fields, follow) => expect(parseFollowForm(form(fields))).toEqual(follow as never));

test.each([
  [{ mode: 'equity', factor: '1' }, 'Pick a whale.'],
  [{ whaleId: 'w', mode: 'equity', factor: '0' }, 'k or USD must be a number above 0.'],
  [{ whaleId: 'w', mode: 'equity', factor: '-1' }, 'k or USD must be a number above 0.'],
  [{ whaleId: 'w', mode: 'equity', factor: 'abc' }, 'k or USD must be a number above 0.'],
  [{ whaleId: 'w', mode: 'equity' }, 'k or USD is required.'],
  [{ whaleId: 'w', mode: 'martingale', factor: '1' }, 'Pick a sizing mode.'],
  [{ whaleId: 'w', mode: 'equity', factor: '1', maxLeverage: 'Infinity' }, 'Largest leverage must be a number above 0.'],
])('refuses %o', (fields, message) => {
  expect(() => parseFollowForm(form(fields))).toThrow(new FollowFormError(message));
});

test('texts', () => {
  expect(sizingText({ mode: 'fixed_notional', usd: 100 })).toBe('fixed 100 USD');
  expect(capsText({})).toBe('none');
  expect(capsText({ maxOrderNotional: 5, maxLeverage: 3 })).toBe('order ≤ 5 USD, leverage ≤ 3');
});
