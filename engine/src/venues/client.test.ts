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
