import { expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { ccxtOptions, createClient } from './client';

test('a Binance USD-M client keeps the futures endpoints the engine calls and none of the spot, margin or coin-M ones', () => {
  const ex = createClient('binanceusdm', { credentials: { apiKey: 'k', secret: 's' } }) as unknown as Record<string, unknown>;
  const full = new ccxt.pro.binanceusdm(ccxtOptions('binanceusdm')) as unknown as Record<string, unknown>;
  const used = [
    'fapiPublicGetExchangeInfo', 'fapiPublicGetPremiumIndex', 'fapiPublicGetTicker24hr', // markets, marks
    'fapiPrivatePostOrder', 'fapiPrivateGetOrder', 'fapiPrivatePostLeverage', // executor
    'fapiPrivatePostListenKey', 'fapiPrivatePutListenKey', 'fapiPrivateV3GetPositionRisk', 'fapiPrivateV3GetAccount', // feeds
  ];
  for (const name of used) {
    expect(typeof full[name]).toBe('function'); // the name is ccxt's
    expect(typeof ex[name]).toBe('function');
  }
  for (const name of ['publicGetExchangeInfo', 'sapiGetCapitalConfigGetall', 'dapiPrivatePostOrder', 'eapiPrivatePostOrder', 'papiPostUmOrder']) {
    expect(typeof full[name]).toBe('function');
    expect(ex[name]).toBeUndefined();
  }
  expect(ex['id']).toBe('binanceusdm');
});

test('Binance USD-M clients built from the one description: the same content as ccxt builds, no state shared between accounts', () => {
  const a = createClient('binanceusdm', { credentials: { apiKey: 'ka', secret: 'sa' } }) as unknown as Record<string, any>;
  const b = createClient('binanceusdm', { credentials: { apiKey: 'kb', secret: 'sb' } }) as unknown as Record<string, any>;
  const full = new ccxt.pro.binanceusdm(ccxtOptions('binanceusdm')) as unknown as Record<string, any>;
  for (const key of ['options', 'urls', 'fees', 'features', 'has', 'precisionMode', 'rateLimit', 'timeframes']) {
    expect(a[key]).toEqual(full[key]);
  }
  expect(a['exceptions']['exact']).toEqual(full['exceptions']['exact']);
  // What an instance (or ccxt on its behalf) writes stays in that instance.
  expect(a['options']).not.toBe(b['options']);
  a['options']['recvWindow'] = 1234;
  a['options']['fetchMarkets']['types'].push('spot');
  a['fees']['linear']['trading']['taker'] = 1;
  expect(b['options']['recvWindow']).not.toBe(1234);
  expect(b['options']['fetchMarkets']['types']).toEqual(full['options']['fetchMarkets']['types']);
  expect(b['fees']['linear']['trading']['taker']).toBe(full['fees']['linear']['trading']['taker']);
  expect(a['apiKey']).toBe('ka');
  expect(b['apiKey']).toBe('kb');
  // The endpoint and error tables are shared read-only: a write throws instead of reaching another account.
  expect(a['api']['fapiPrivate']).toBe(b['api']['fapiPrivate']);
  expect(() => {
    a['api']['fapiPrivate']['post']['order'] = 0;
  }).toThrow(TypeError);
});
