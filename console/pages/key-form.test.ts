// Table tests of the venue key form parser and the check result fragment (which never contains a key).
import { expect, test } from 'bun:test';
import { keyCheckResult, KeyFormError, parseKeyForm } from './key-form';

const form = (fields: Record<string, string>) => new Map(Object.entries(fields));
const ADDRESS = `0x${'ab'.repeat(20)}`;
const KEY = `0x${'12'.repeat(32)}`;

test.each([
  [{ venue: 'binanceusdm', apiKey: ' K ', secret: 'S' }, { venue: 'binanceusdm', apiKey: 'K', secret: 'S' }],
  [{ venue: 'hyperliquid', address: ADDRESS, privateKey: KEY, apiKey: 'ignored' }, { venue: 'hyperliquid', address: ADDRESS, privateKey: KEY }],
])('parses %o', (fields, key) => expect(parseKeyForm(form(fields))).toEqual(key as never));

test.each([
  [{ venue: 'binanceusdm', apiKey: 'K' }, 'Enter the API key and its secret (no spaces).'],
  [{ venue: 'binanceusdm', apiKey: 'K K', secret: 'S' }, 'Enter the API key and its secret (no spaces).'],
  [{ venue: 'hyperliquid', address: '0x12', privateKey: KEY }, 'The address must be 0x followed by 40 hex digits.'],
  [{ venue: 'hyperliquid', address: ADDRESS, privateKey: '0x12' }, 'The private key must be 0x followed by 64 hex digits.'],
  [{ venue: 'tradingview' }, 'Pick a venue.'],
  [{}, 'Pick a venue.'],
])('refuses %o', (fields, message) => expect(() => parseKeyForm(form(fields))).toThrow(new KeyFormError(message)));

test('check results', () => {
  expect(keyCheckResult({ ok: true, balance: { currency: 'USDT', total: 1234.5, free: 1000 } }).value).toContain('1,234.50</span> USDT');
  expect(keyCheckResult({ ok: false, error: 'the venue rejected the key' }).value).toContain('The key does not work: the venue rejected the key.');
});
