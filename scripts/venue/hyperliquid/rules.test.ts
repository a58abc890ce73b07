// Venue rules, signer checks, nonces, rate limits and faults: each asserted as the ccxt class it raises.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { DEFAULT_RATE_LIMIT, addressOf } from '../core';
import { startVenue, thrownClass, type Venue } from './test-harness';

type Hl = InstanceType<typeof ccxt.pro.hyperliquid>;
const BTC = 'BTC/USDC:USDC';
const cloid = (n: number) => '0x' + n.toString(16).padStart(32, '0');
const order = (o: Partial<{ a: number; b: boolean; p: string; s: string; r: boolean; tif: string; c: string }>) => {
  const { a = 0, b = true, p = '60000', s = '0.01', r = false, tif = 'Ioc', c } = o;
  return { a, b, p, s, r, t: { limit: { tif } }, ...(c ? { c } : {}) };
};
const orderAction = (...orders: object[]) => ({ type: 'order', orders, grouping: 'na' });

let venue: Venue;
let nonce = Date.now();
beforeAll(async () => {
  venue = await startVenue();
});
afterAll(() => venue.stop());

/** POST an action signed by `client`'s key, as ccxt signs it. */
async function sendSigned(client: Hl, action: object, n = ++nonce) {
  return venue.post('/exchange', { action, nonce: n, signature: client.signL1Action(action, n) });
}

/** The class ccxt's own response handling raises for a reply. */
function ccxtClassOf(client: Hl, res: { status: number; text: string; json: unknown }): string {
  try {
    client.handleErrors(res.status, '', '', 'POST', {}, res.text, res.json, {}, '');
    client.handleHttpStatusCode(res.status, '', '', 'POST', res.text);
    return 'none';
  } catch (e) {
    return (e as Error).constructor.name;
  }
}

async function btcTrader(balance = 10_000) {
  const t = await venue.trader(balance);
  await t.client.loadMarkets();
  venue.ctx.core.setPrice('hyperliquid', 'BTC', 60_000);
  return { ...t, client: t.client as Hl };
}

describe('order rules through ccxt.createOrder', () => {
  test.each([
    ['below $10 minimum', () => [BTC, 'market', 'buy', 0.0001, 60_000, {}], 'InvalidOrder', 'Order must have minimum value of $10. asset=0'],
    ['insufficient margin', () => [BTC, 'market', 'buy', 5, 60_000, {}], 'InsufficientFunds', 'Insufficient margin to place order. asset=0'],
    ['reduce-only without a position', () => [BTC, 'market', 'sell', 0.01, 60_000, { reduceOnly: true }], 'InvalidOrder', 'Reduce only order would increase position. asset=0'],
    ['IOC that cannot match', () => [BTC, 'limit', 'buy', 0.01, 59_000, { timeInForce: 'IOC' }], 'InvalidOrder', 'Order could not immediately match against any resting orders. asset=0'],
    ['post-only that would match', () => [BTC, 'limit', 'buy', 0.01, 61_000, { postOnly: true }], 'InvalidOrder', 'Post only order would have immediately matched, bbo was 59999.0@60001.0. asset=0'],
    ['price 80% away', () => [BTC, 'limit', 'buy', 0.01, 6_000, {}], 'InvalidOrder', 'Order price cannot be more than 80% away from the reference price'],
  ])('%s', async (_name, args, cls, message) => {
    const { client, account } = await btcTrader();
    const [symbol, type, side, amount, price, params] = args() as [string, 'market' | 'limit', 'buy' | 'sell', number, number, object];
    const err = await client.createOrder(symbol, type, side, amount, price, params).catch((e) => e);
    expect(err.constructor.name).toBe(cls);
    expect(err.message).toContain(message);
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0);
  });

  test.each([
    ['size off the step', { s: '0.000015' }, 'Order has invalid size.', 'InvalidOrder'],
    ['zero size', { s: '0' }, 'Order has zero size.', 'InvalidOrder'],
    ['price off the tick', { p: '60000.05', tif: 'Gtc' }, 'Price must be divisible by tick size. asset=0', 'InvalidOrder'],
    ['unknown asset', { a: 9 }, 'Order has invalid asset. asset=9', 'ExchangeError'],
  ])('raw signed order with %s', async (_name, patch, message, cls) => {
    const { client } = await btcTrader();
    const res = await sendSigned(client, orderAction(order(patch)));
    expect(res.json.response.data.statuses).toEqual([{ error: message }]);
    expect(ccxtClassOf(client, res)).toBe(cls);
  });

  test('a cloid is single-use; a malformed cloid is a 422', async () => {
    const { client } = await btcTrader();
    await client.createOrder(BTC, 'market', 'buy', 0.001, 60_000, { clientOrderId: cloid(5) });
    expect(await thrownClass(client.createOrder(BTC, 'market', 'buy', 0.001, 60_000, { clientOrderId: cloid(5) }))).toBe('ExchangeError');
    const bad = await sendSigned(client, orderAction(order({ c: '0x1234' })));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Failed to deserialize the JSON body');
    expect(await thrownClass(client.createOrder(BTC, 'market', 'buy', 0.001, 60_000, { clientOrderId: 'not-hex' }))).toBe('ExchangeError');
  });

  test('leverage above the market maximum and isolated margin are refused', async () => {
    const { client, account } = await btcTrader();
    expect(await thrownClass(client.setLeverage(41, BTC))).toBe('ExchangeError');
    expect(await thrownClass(client.setLeverage(3, BTC, { marginMode: 'isolated' }))).toBe('ExchangeError');
    expect(venue.ctx.core.leverageOf(account, 'BTC')).toBe(20);
  });
});

describe('signer and nonce', () => {
  test('a key the venue does not know: ccxt raises InvalidOrder, nothing is placed', async () => {
    const key = '0x' + '77'.repeat(32);
    const stranger = (await venue.client({ walletAddress: addressOf(key), privateKey: key })) as Hl;
    await stranger.loadMarkets();
    const err = await stranger.createOrder(BTC, 'market', 'buy', 0.01, 60_000).catch((e) => e);
    expect(err.constructor.name).toBe('InvalidOrder');
    expect(err.message).toContain(`User or API Wallet ${addressOf(key)} does not exist.`);
  });

  test('first use without the client opt-outs: ccxt sends approveBuilderFee (user-signed) and setReferrer, both accepted', async () => {
    const { client, account } = await btcTrader();
    client.options.approvedBuilderFee = false;
    client.options.refSet = false;
    client.options.builderFee = true;
    await client.createOrder(BTC, 'market', 'buy', 0.001, 60_000);
    expect(client.options.approvedBuilderFee).toBe(true);
    expect(client.options.builderFee).toBe(true);
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.001);
    const key = '0x' + '78'.repeat(32);
    const stranger = (await venue.client({ walletAddress: addressOf(key), privateKey: key })) as Hl;
    const refused = await stranger.approveBuilderFee('0x6530512a6c89c7cfcebc3ba7fcd9ada5f30827a6', '0.01%').catch((e) => e);
    expect(refused.message).toContain(`User or API Wallet ${addressOf(key)} does not exist.`);
  });

  test('a ccxt-signed order is accepted; the same request tampered, or signed by another key, is refused', async () => {
    const { client, account, cred } = await btcTrader();
    const action = orderAction(order({ s: '0.01', p: '63000' }));
    const n = ++nonce;
    const signature = client.signL1Action(action, n);
    const tampered = await venue.post('/exchange', { action: orderAction(order({ s: '0.02', p: '63000' })), nonce: n, signature });
    expect(tampered.json.status).toBe('err');
    expect(tampered.json.response).toMatch(/^User or API Wallet 0x[0-9a-f]{40} does not exist\.$/);
    expect(tampered.json.response).not.toContain(cred.address);
    const other = (await venue.trader()).client as Hl;
    const foreign = await venue.post('/exchange', { action, nonce: n, signature: other.signL1Action(orderAction(order({})), n) });
    expect(foreign.json.status).toBe('err');
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0);
    const good = await venue.post('/exchange', { action, nonce: n, signature });
    expect(good.json.response.data.statuses[0].filled.totalSz).toBe('0.01');
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.01);
  });

  test('a reused nonce and a nonce older than 2 days are refused (ExchangeError)', async () => {
    const { client, account } = await btcTrader();
    const n = ++nonce;
    const body = { action: orderAction(order({ p: '63000' })), nonce: n, signature: client.signL1Action(orderAction(order({ p: '63000' })), n) };
    expect((await venue.post('/exchange', body)).json.status).toBe('ok');
    const again = await venue.post('/exchange', body);
    expect(again.json).toEqual({ status: 'err', response: 'Invalid nonce: duplicate nonce' });
    expect(ccxtClassOf(client, again)).toBe('ExchangeError');
    const old = await sendSigned(client, orderAction(order({ p: '63000' })), Date.now() - 3 * 86_400_000);
    expect(old.json.response).toContain('must be within 2 days');
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.01);
  });

  test('verifySignatures=false takes a request naming vaultAddress without cryptography', async () => {
    const { account, cred } = await btcTrader();
    const body = { action: orderAction(order({ p: '63000' })), nonce: ++nonce, signature: { r: '0x1', s: '0x1', v: 27 }, vaultAddress: cred.address };
    expect((await venue.post('/exchange', body)).json.response).toMatch(/^User or API Wallet/);
    venue.ctx.options.verifySignatures = false;
    try {
      const res = await venue.post('/exchange', { ...body, nonce: ++nonce });
      expect(res.json.response.data.statuses[0].filled.totalSz).toBe('0.01');
    } finally {
      venue.ctx.options.verifySignatures = true;
    }
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.01);
  });
});

describe('rate limits and faults', () => {
  test('order bursts: 429 with Retry-After (RateLimitExceeded), then 418 (DDoSProtection)', async () => {
    const { client } = await btcTrader();
    venue.ctx.limiter.configure({ capacity: 2, refillPerSec: 0.01, banAfterStrikes: 3, banMs: 60_000 });
    try {
      for (let i = 0; i < 2; i++) await client.createOrder(BTC, 'market', 'buy', 0.001, 60_000);
      const limited = await sendSigned(client, orderAction(order({ s: '0.001', p: '63000' })));
      expect(limited.status).toBe(429);
      expect(Number(limited.text.length)).toBeGreaterThan(0);
      expect(await thrownClass(client.createOrder(BTC, 'market', 'buy', 0.001, 60_000))).toBe('RateLimitExceeded');
      expect(await thrownClass(client.createOrder(BTC, 'market', 'buy', 0.001, 60_000))).toBe('DDoSProtection');
      expect((await client.fetchBalance()).USDC?.total).toBeGreaterThan(0);
    } finally {
      venue.ctx.limiter.configure(DEFAULT_RATE_LIMIT);
    }
  });

  test('Retry-After header on a 429', async () => {
    const { client } = await btcTrader();
    venue.ctx.limiter.configure({ capacity: 1, refillPerSec: 0.5, banAfterStrikes: 100, banMs: 60_000 });
    try {
      await sendSigned(client, orderAction(order({ s: '0.001', p: '63000' })));
      const n = ++nonce;
      const action = orderAction(order({ s: '0.001', p: '63000' }));
      const r = await fetch(venue.url + '/exchange', { method: 'POST', body: JSON.stringify({ action, nonce: n, signature: client.signL1Action(action, n) }) });
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    } finally {
      venue.ctx.limiter.configure(DEFAULT_RATE_LIMIT);
    }
  });

  test('503 after fill: ccxt raises ExchangeNotAvailable while the order really filled', async () => {
    const { client, account } = await btcTrader();
    venue.ctx.faults.apply({ venue: 'hyperliquid', accountId: account.id, unknownErrorAfterFill: 1 });
    expect(await thrownClass(client.createOrder(BTC, 'market', 'buy', 0.01, 60_000))).toBe('ExchangeNotAvailable');
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.01);
    const next = await client.createOrder(BTC, 'market', 'buy', 0.01, 60_000);
    expect(next.filled).toBe(0.01);
  });

  test('dropped reply after fill: ccxt raises RequestTimeout (a NetworkError) while the order really filled', async () => {
    const t = await venue.trader(10_000, { timeoutMs: 800 });
    await t.client.loadMarkets();
    venue.ctx.faults.apply({ venue: 'hyperliquid', accountId: t.account.id, dropReplyAfterFill: 1 });
    const err = await t.client.createOrder(BTC, 'market', 'sell', 0.01, 60_000).catch((e) => e);
    expect(err.constructor.name).toBe('RequestTimeout');
    expect(err).toBeInstanceOf(ccxt.NetworkError);
    expect(venue.ctx.core.position(t.account, 'BTC').contracts).toBe(-0.01);
    expect((await t.client.fetchPositions())[0]).toMatchObject({ side: 'short', contracts: 0.01 });
  });

  test('latency is added before every HTTP reply', async () => {
    const { client } = await btcTrader();
    venue.ctx.faults.apply({ venue: 'hyperliquid', latencyMs: 150 });
    try {
      const t0 = performance.now();
      await client.fetchBalance();
      expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    } finally {
      venue.ctx.faults.apply({ venue: 'hyperliquid', latencyMs: 0 });
    }
  });
});
