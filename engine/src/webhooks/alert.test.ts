// Table tests of parseAlert: the documented template with numbers as strings or numbers, signs from
// market_position, and every kind of bad input refused with its code and field (never a throw).
import { describe, expect, test } from 'bun:test';
import { MAX_CONTRACTS, parseAlert } from './alert';

const TEMPLATE = {
  strategy: 'w-1', secret: 'tv-secret-0123456789', ticker: 'BINANCE:BTCUSDT.P', action: 'buy', contracts: '0.5',
  position_size: '1.5', market_position: 'long', prev_market_position: 'flat', order_id: 'Long Entry', price: '60000.5',
  time: '2025-11-13T10:00:00Z',
};
const body = (over: Record<string, unknown> = {}, drop: string[] = []) => {
  const o: Record<string, unknown> = { ...TEMPLATE, ...over };
  for (const k of drop) delete o[k];
  return JSON.stringify(o);
};

describe('accepted alerts', () => {
  test('the documented template, numbers as strings', () => {
    const r = parseAlert(body());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { raw: _raw, ...alert } = r.alert;
    expect(alert).toEqual({
      strategy: 'w-1', secret: 'tv-secret-0123456789', ticker: 'BINANCE:BTCUSDT.P', contracts: 1.5, marketPosition: 'long',
      prevMarketPosition: 'flat', action: 'buy', orderContracts: 0.5, orderId: 'Long Entry', price: 60000.5,
      timeMs: Date.parse('2025-11-13T10:00:00Z'), id: undefined,
    });
  });

  const cases: [string, Record<string, unknown>, string[], Partial<Record<string, unknown>>][] = [
    ['numbers as numbers', { position_size: 2, contracts: 1, price: 3000 }, [], { contracts: 2, orderContracts: 1, price: 3000 }],
    ['short with an unsigned size', { market_position: 'short', position_size: '2' }, [], { contracts: -2 }],
    ['short with a signed size (Pine strategy.position_size)', { market_position: 'short', position_size: '-2' }, [], { contracts: -2 }],
    ['flat', { market_position: 'flat', position_size: '0' }, [], { contracts: 0 }],
    ['flat with -0', { market_position: 'flat', position_size: '-0' }, [], { contracts: 0 }],
    ['no market_position: the size keeps its sign', { position_size: '-0.25' }, ['market_position'], { contracts: -0.25, marketPosition: undefined }],
    ['upper-case position and action', { market_position: 'LONG', action: 'SELL' }, [], { marketPosition: 'long', action: 'sell' }],
    ['exponent notation', { position_size: '1e-3' }, [], { contracts: 0.001 }],
    ['epoch milliseconds', { time: 1_763_028_000_000 }, [], { timeMs: 1_763_028_000_000 }],
    ['epoch seconds as a string', { time: '1763028000' }, [], { timeMs: 1_763_028_000_000 }],
    ['ISO time with millis and an offset', { time: '2025-11-13T12:00:00.250+02:00' }, [], { timeMs: Date.parse('2025-11-13T10:00:00.250Z') }],
    ['explicit id', { id: 'alert-42' }, [], { id: 'alert-42' }],
    ['optional fields absent', {}, ['action', 'contracts', 'prev_market_position', 'order_id', 'price'], { action: undefined, price: undefined, orderId: undefined }],
    ['an empty optional field counts as absent', { price: '' }, [], { price: undefined }],
    ['a numeric order id', { order_id: 7 }, [], { orderId: '7' }],
    ['extra fields are kept in raw only', { comment: 'hello' }, [], { contracts: 1.5 }],
  ];
  test.each(cases)('%s', (_case, over, drop, expected) => {
    const r = parseAlert(body(over, drop));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.alert).toMatchObject(expected);
  });
});

describe('refused alerts', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['not JSON', '{"strategy": "w-1",', 'malformed_body', undefined],
    ['empty body', '', 'malformed_body', undefined],
    ['a JSON array', '[1,2]', 'malformed_body', undefined],
    ['a JSON string', '"hello"', 'malformed_body', undefined],
    ['null', 'null', 'malformed_body', undefined],
    ['placeholder left in position_size', body({ position_size: '{{strategy.position_size}}' }), 'unreplaced_placeholder', 'position_size'],
    ['placeholder left in an extra field', body({ note: '{{plot_0}}' }), 'unreplaced_placeholder', 'note'],
    ['placeholder in the ticker', body({ ticker: '{{ticker}}' }), 'unreplaced_placeholder', 'ticker'],
    ['NaN', body({ position_size: 'NaN' }), 'invalid_field', 'position_size'],
    ['Infinity', body({ position_size: 'Infinity' }), 'invalid_field', 'position_size'],
    ['overflowing exponent', body({ position_size: '1e999' }), 'invalid_field', 'position_size'],
    ['hex', body({ position_size: '0x10' }), 'invalid_field', 'position_size'],
    ['whitespace', body({ position_size: ' 1' }), 'invalid_field', 'position_size'],
    ['a blank string', body({ position_size: ' ' }), 'invalid_field', 'position_size'],
    ['a boolean', body({ position_size: true }), 'invalid_field', 'position_size'],
    ['absurd size', body({ position_size: String(MAX_CONTRACTS * 10) }), 'invalid_field', 'position_size'],
    ['denormal size', body({ position_size: 1e-320 }), 'invalid_field', 'position_size'],
    ['dust size', body({ position_size: '-1e-13', market_position: 'short' }), 'invalid_field', 'position_size'],
    ['negative order contracts', body({ contracts: '-1' }), 'invalid_field', 'contracts'],
    ['zero price', body({ price: '0' }), 'invalid_field', 'price'],
    ['negative price', body({ price: -5 }), 'invalid_field', 'price'],
    ['long with a negative size', body({ position_size: '-1' }), 'inconsistent_position', 'position_size'],
    ['long with size 0', body({ position_size: '0' }), 'inconsistent_position', 'position_size'],
    ['short with size 0', body({ market_position: 'short', position_size: 0 }), 'inconsistent_position', 'position_size'],
    ['flat with a size', body({ market_position: 'flat', position_size: '1' }), 'inconsistent_position', 'position_size'],
    ['unknown market_position', body({ market_position: 'sideways' }), 'invalid_field', 'market_position'],
    ['unknown action', body({ action: 'hold' }), 'invalid_field', 'action'],
    ['missing strategy', body({}, ['strategy']), 'missing_field', 'strategy'],
    ['missing secret', body({}, ['secret']), 'missing_field', 'secret'],
    ['missing ticker', body({}, ['ticker']), 'missing_field', 'ticker'],
    ['missing position_size', body({}, ['position_size']), 'missing_field', 'position_size'],
    ['missing time', body({}, ['time']), 'missing_field', 'time'],
    ['strategy with spaces', body({ strategy: 'w 1' }), 'invalid_field', 'strategy'],
    ['strategy as a number', body({ strategy: { id: 1 } }), 'invalid_field', 'strategy'],
    ['secret as an object', body({ secret: { a: 1 } }), 'invalid_field', 'secret'],
    ['ticker with a quote', body({ ticker: 'BTC"USDT' }), 'invalid_field', 'ticker'],
    ['time without a zone', body({ time: '2025-11-13T10:00:00' }), 'invalid_field', 'time'],
    ['time as words', body({ time: 'yesterday' }), 'invalid_field', 'time'],
    ['time in 1970', body({ time: 5 }), 'invalid_field', 'time'],
    ['time as a fraction', body({ time: 1.5e12 + 0.5 }), 'invalid_field', 'time'],
    ['explicit id with a space', body({ id: 'a b' }), 'invalid_field', 'id'],
    ['order id with a newline', body({ order_id: 'a\nb' }), 'invalid_field', 'order_id'],
  ];
  test.each(cases)('%s -> %s', (_case, text, code, field) => {
    const r = parseAlert(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.refusal.code, r.refusal.field]).toEqual([code, field]);
    expect(r.refusal.status).toBeGreaterThanOrEqual(400);
    expect(r.refusal.status).toBeLessThan(500);
    expect(r.refusal.message).not.toContain('tv-secret');
  });

  test('a __proto__ member is data, not a prototype', () => {
    const r = parseAlert(body().replace('{', '{"__proto__": {"position_size": "5"},'));
    expect(r.ok && r.alert.contracts).toBe(1.5);
  });
});
