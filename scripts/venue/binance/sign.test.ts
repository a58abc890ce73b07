// Pure parts of Binance request authentication: form parsing, signature extraction, HMAC vectors from
// Binance's own documentation, and the timestamp / recvWindow rule.
import { describe, expect, test } from 'bun:test';
import { BinanceApiError } from './errors';
import { checkTimestamp, cutSignature, hmacHex, parseForm, splitUrl } from './sign';

const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

describe('hmacHex', () => {
  test('Binance documentation example: all parameters in one string', () => {
    const payload = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    expect(hmacHex(DOC_SECRET, payload)).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  test('Binance documentation example: query string and body concatenated without a separator', () => {
    const payload = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC' + 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    expect(hmacHex(DOC_SECRET, payload)).toBe('0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77');
  });
});

describe('cutSignature', () => {
  test.each([
    ['last pair', 'a=1&b=2&signature=abc', 'a=1&b=2', 'abc'],
    ['first pair', 'signature=abc&a=1', 'a=1', 'abc'],
    ['middle pair', 'a=1&signature=abc&b=2', 'a=1&b=2', 'abc'],
    ['absent', 'a=1&b=2', 'a=1&b=2', undefined],
    ['a key that merely ends in signature is not it', 'xsignature=1&a=2', 'xsignature=1&a=2', undefined],
    ['empty', '', '', undefined],
  ])('%s', (_name, part, signed, signature) => {
    expect(cutSignature(part)).toEqual(signature === undefined ? { signed } : { signed, signature });
  });
});

describe('parseForm', () => {
  test.each([
    ['plain pairs', 'symbol=BTCUSDT&side=BUY', { symbol: 'BTCUSDT', side: 'BUY' }],
    ['percent escapes and plus', 'newClientOrderId=x-ab%3Acd%2F1&note=a+b', { newClientOrderId: 'x-ab:cd/1', note: 'a b' }],
    ['empty value and bare key', 'a=&b', { a: '', b: '' }],
    ['later key wins', 'a=1&a=2', { a: '2' }],
    ['empty pieces skipped', '&&a=1&', { a: '1' }],
    ['empty string', '', {}],
  ])('%s', (_name, text, want) => {
    expect(parseForm(text)).toEqual(want);
  });

  test('a malformed escape is Binance -1100', () => {
    let err: unknown;
    try {
      parseForm('a=%E0%A4%A');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BinanceApiError);
    expect((err as BinanceApiError).binanceCode).toBe(-1100);
  });
});

test.each([
  ['http://127.0.0.1:1/fapi/v1/order?symbol=BTCUSDT', '/fapi/v1/order', 'symbol=BTCUSDT'],
  ['http://h/fapi/v1/time', '/fapi/v1/time', ''],
  ['ws://h:9/private/ws?listenKey=k', '/private/ws', 'listenKey=k'],
])('splitUrl %s', (url, path, query) => {
  expect(splitUrl(url)).toEqual({ path, query });
});

describe('checkTimestamp (server time 1,000,000)', () => {
  const now = 1_000_000;
  const code = (params: Record<string, string>) => {
    try {
      checkTimestamp(params, now, 60_000);
      return 0;
    } catch (e) {
      return (e as BinanceApiError).binanceCode;
    }
  };
  test.each([
    ['exactly now', { timestamp: '1000000' }, 0],
    ['999 ms ahead', { timestamp: '1000999' }, 0],
    ['1000 ms ahead', { timestamp: '1001000' }, -1021],
    ['5000 ms old with the default window', { timestamp: '995000' }, 0],
    ['5001 ms old with the default window', { timestamp: '994999' }, -1021],
    ['9 s old inside a 10 s window', { timestamp: '991000', recvWindow: '10000' }, 0],
    ['recvWindow above 60000', { timestamp: '1000000', recvWindow: '60001' }, -1131],
    ['recvWindow zero', { timestamp: '1000000', recvWindow: '0' }, -1130],
    ['missing timestamp', {}, -1102],
    ['garbage timestamp', { timestamp: 'soon' }, -1102],
  ])('%s', (_name, params, want) => {
    expect(code(params)).toBe(want);
  });
});
