// Core rejects mapped to Binance USD-M codes, statuses and messages, and the JSON error reply.
import { describe, expect, test } from 'bun:test';
import { SimRejectError, type RejectCode } from '../core';
import { BinanceApiError, errorResponse, fromReject, rateLimited, toBinanceError, type RejectContext } from './errors';

describe('fromReject', () => {
  test.each<[RejectCode, Record<string, unknown>, RejectContext, number, number, string]>([
    ['unknown_symbol', {}, 'place', -1121, 400, 'Invalid symbol.'],
    ['bad_amount', {}, 'place', -4003, 400, 'Quantity less than or equal to zero.'],
    ['bad_step', {}, 'place', -1111, 400, 'Precision is over the maximum defined for this asset.'],
    ['below_min_qty', {}, 'place', -4004, 400, 'Quantity less than min quantity.'],
    ['above_max_qty', {}, 'place', -4005, 400, 'Quantity greater than max quantity.'],
    ['below_min_notional', { minNotional: 100 }, 'place', -4164, 400, "Order's notional must be no smaller than 100 (unless you choose reduce only)."],
    ['bad_price', { tickSize: 0.1 }, 'place', -4014, 400, 'Price not increased by tick size.'],
    ['bad_price', { price: -1 }, 'place', -4001, 400, 'Price less than 0.'],
    ['price_band', { side: 'high' }, 'place', -4016, 400, 'core message'],
    ['price_band', { side: 'low' }, 'place', -4024, 400, 'core message'],
    ['bad_client_id', {}, 'place', -4015, 400, 'Client order id is not valid.'],
    ['duplicate_client_id', {}, 'place', -4116, 400, 'ClientOrderId is duplicated.'],
    ['insufficient_margin', {}, 'place', -2019, 400, 'Margin is insufficient.'],
    ['reduce_only_rejected', {}, 'place', -2022, 400, 'ReduceOnly Order is rejected.'],
    ['order_not_found', {}, 'query', -2013, 400, 'Order does not exist.'],
    ['order_not_found', {}, 'cancel', -2011, 400, 'Unknown order sent.'],
    ['post_only_would_match', {}, 'place', -5022, 400, 'Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history'],
    ['unknown_account', {}, 'place', -2015, 401, 'Invalid API-key, IP, or permissions for action.'],
  ])('%s %j (%s) -> %d', (code, detail, context, binanceCode, status, msg) => {
    const cause = new SimRejectError(code, 'core message', detail);
    const e = fromReject(cause, context);
    expect([e.binanceCode, e.status, e.message]).toEqual([binanceCode, status, msg]);
    expect(e.cause).toBe(cause);
  });
});

test('an unexpected exception becomes -1000 with HTTP 500', () => {
  const e = toBinanceError(new TypeError('boom'), 'place');
  expect([e.binanceCode, e.status]).toEqual([-1000, 500]);
  expect(e.cause).toBeInstanceOf(TypeError);
});

test('rate limit answers: 429 -1015 and 418 -1003, both with Retry-After', async () => {
  const limited = errorResponse(rateLimited(429, 3, 300, 0));
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('3');
  expect(await limited.json()).toEqual({ code: -1015, msg: 'Too many new orders; current limit is 300 orders per TEN_SECONDS.' });
  const banned = errorResponse(rateLimited(418, 30, 300, 1_000));
  expect(banned.status).toBe(418);
  expect(await banned.json()).toEqual({ code: -1003, msg: 'Way too many requests; IP banned until 31000. Please use the websocket for live updates to avoid bans.' });
});

test('the error body is exactly {"code","msg"} with the message JSON-escaped', async () => {
  const res = errorResponse(new BinanceApiError(-1100, 'bad "quote"'));
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.text()).toBe('{"code":-1100,"msg":"bad \\"quote\\""}');
});
