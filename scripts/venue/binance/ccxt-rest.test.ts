// Real ccxt.pro (binanceusdm) against the simulator's REST endpoints: markets, balance, positions,
// leverage, orders, tickers, and the ccxt exception class each venue rule produces.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { startHarness, rejection, type BinanceClient, type Harness } from './harness';

let h: Harness;
let ex: BinanceClient;
let accountId: string;
/** ccxt's implicit API methods (raw endpoint calls, still through ccxt's signing and error mapping). */
const raw = () => ex as unknown as {
  fapiPublicGetTicker24hr(params: Record<string, string>): Promise<unknown>;
  fapiPrivatePostOrder(params: Record<string, string>): Promise<unknown>;
};

beforeAll(async () => {
  h = await startHarness();
  const a = h.account(10_000);
  accountId = a.id;
  ex = await h.client(a.cred);
  await ex.loadMarkets();
});
afterAll(() => h.stop());

describe('markets and public data', () => {
  test('loadMarkets parses precision and limits from exchangeInfo', () => {
    const btc = ex.market('BTC/USDT:USDT');
    expect(btc.id).toBe('BTCUSDT');
    expect(btc.swap).toBe(true);
    expect(btc.linear).toBe(true);
    expect(btc.settle).toBe('USDT');
    expect(btc.precision.amount).toBe(0.001);
    expect(btc.precision.price).toBe(0.1);
    expect(btc.limits.amount?.min).toBe(0.001);
    expect(btc.limits.amount?.max).toBe(1000);
    expect(btc.limits.cost?.min).toBe(100);
    expect((btc.limits as any).market?.max).toBe(120);
    expect(ex.market('SOL/USDT:USDT').precision.amount).toBe(1);
    expect(ex.market('ETH/USDT:USDT').limits.cost?.min).toBe(20);
    expect(Object.keys(ex.markets ?? {}).sort()).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT']);
  });

  test('fetchTime, fetchTicker and fetchMarkPrice follow the core mark', async () => {
    expect(Math.abs(Number(await ex.fetchTime()) - Date.now())).toBeLessThan(2000);
    h.ctx.core.setPrice('binanceusdm', 'ETHUSDT', 3100.5);
    const t = await ex.fetchTicker('ETH/USDT:USDT');
    expect(t.last).toBe(3100.5);
    expect(t.open).toBe(3000);
    expect(t.high).toBe(3100.5);
    const mp = await ex.fetchMarkPrice('ETH/USDT:USDT');
    expect(mp.markPrice).toBe(3100.5);
    expect(mp.symbol).toBe('ETH/USDT:USDT');
  });
});

describe('account', () => {
  test('fetchBalance reports the USDT wallet', async () => {
    const b = await ex.fetchBalance();
    expect(b.USDT?.total).toBe(10_000);
    expect(b.USDT?.free).toBe(10_000);
    expect(b.USDT?.used).toBe(0);
  });

  test('setLeverage, then a market buy shows up in fetchPositions and the balance', async () => {
    const lev = await ex.setLeverage(10, 'BTC/USDT:USDT');
    expect(lev).toMatchObject({ symbol: 'BTCUSDT', leverage: 10 });
    const o = await ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 0.01);
    expect(o.status).toBe('closed');
    expect(o.filled).toBe(0.01);
    expect(o.average).toBe(60000);
    expect(o.clientOrderId).toMatch(/^x-[A-Za-z0-9]{8}/); // ccxt's broker prefix + uuid22
    const [p, ...rest] = await ex.fetchPositions();
    expect(rest).toHaveLength(0);
    expect(p).toMatchObject({ symbol: 'BTC/USDT:USDT', side: 'long', contracts: 0.01, entryPrice: 60000, markPrice: 60000, marginMode: 'cross', hedged: false });
    expect(p!.notional).toBe(600);
    expect(p!.initialMargin).toBe(60);
    expect(p!.liquidationPrice).toBeUndefined(); // "0": 10,000 USDT cannot be lost on 0.01 BTC long
    const b = await ex.fetchBalance();
    expect(b.USDT?.total).toBeCloseTo(10_000 - 600 * 0.0004, 6);
    expect(b.USDT?.used).toBeCloseTo(60, 6);
  });

  test('a reduceOnly market sell closes the position', async () => {
    h.ctx.core.setPrice('binanceusdm', 'BTCUSDT', 61000);
    const o = await ex.createOrder('BTC/USDT:USDT', 'market', 'sell', 0.05, undefined, { reduceOnly: true });
    expect(o.reduceOnly).toBe(true);
    expect(o.filled).toBe(0.01);
    expect(o.status).toBe('closed');
    expect(await ex.fetchPositions()).toHaveLength(0);
    const trades = await ex.fetchMyTrades('BTC/USDT:USDT');
    expect(trades.map((t) => [t.side, t.amount, t.price])).toEqual([['buy', 0.01, 60000], ['sell', 0.01, 61000]]);
    expect(trades[1]!.info.realizedPnl).toBe('10.00000000');
  });
});

describe('orders', () => {
  test('a resting limit order is open, found by id and client id, then cancelled', async () => {
    const o = await ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 3000, { clientOrderId: 'rest-1' });
    expect(o.status).toBe('open');
    expect(o.price).toBe(3000);
    expect(o.clientOrderId).toBe('rest-1');
    const open = await ex.fetchOpenOrders('ETH/USDT:USDT');
    expect(open.map((x) => x.id)).toEqual([o.id]);
    expect((await ex.fetchOrder(o.id!, 'ETH/USDT:USDT')).clientOrderId).toBe('rest-1');
    expect((await ex.fetchOrder('', 'ETH/USDT:USDT', { clientOrderId: 'rest-1' })).id).toBe(o.id);
    const c = await ex.cancelOrder(o.id!, 'ETH/USDT:USDT');
    expect(c.status).toBe('canceled');
    expect(await ex.fetchOpenOrders()).toHaveLength(0);
  });

  test('a post-only (GTX) limit order below the mark rests; IOC away from the mark expires', async () => {
    const po = await ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 3050, { postOnly: true });
    expect(po.timeInForce).toBe('PO');
    expect(po.status).toBe('open');
    const ioc = await ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 3050, { timeInForce: 'IOC' });
    expect(ioc.status).toBe('expired');
    await ex.cancelAllOrders('ETH/USDT:USDT');
    expect(await ex.fetchOpenOrders('ETH/USDT:USDT')).toHaveLength(0);
  });

  test('a resting limit fills when the mark crosses it', async () => {
    const o = await ex.createOrder('SOL/USDT:USDT', 'limit', 'sell', 2, 155);
    h.ctx.core.setPrice('binanceusdm', 'SOLUSDT', 156);
    const f = await ex.fetchOrder(o.id!, 'SOL/USDT:USDT');
    expect(f.status).toBe('closed');
    expect(f.average).toBe(155);
    const [p] = await ex.fetchPositions(['SOL/USDT:USDT']);
    expect(p).toMatchObject({ side: 'short', contracts: 2, entryPrice: 155, markPrice: 156, unrealizedPnl: -2 });
    // cross liquidation: wallet + q (P - entry) = 0.5% x |q| x P
    const wallet = h.ctx.core.account(accountId).balance;
    expect(p!.liquidationPrice).toBeCloseTo((2 * 155 + wallet) / (2 * 1.005), 4);
  });
});

describe('venue rules raise the class real Binance answers raise', () => {
  const cases: [string, () => Promise<unknown>, typeof ccxt.BaseError, RegExp][] = [
    ['min notional', () => ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 0.001), ccxt.InvalidOrder, /-4164/],
    ['reduce-only with no position', () => ex.createOrder('ETH/USDT:USDT', 'market', 'sell', 0.1, undefined, { reduceOnly: true }), ccxt.InvalidOrder, /-2022/],
    ['insufficient margin', () => ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 100), ccxt.InsufficientFunds, /-2019/],
    ['bad client order id', () => ex.createOrder('ETH/USDT:USDT', 'market', 'buy', 0.1, undefined, { clientOrderId: 'bad id!' }), ccxt.BadRequest, /-4015/],
    ['price band', () => ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 4000), ccxt.BadRequest, /-4016/],
    ['bad leverage', () => ex.setLeverage(126, 'SOL/USDT:USDT'), ccxt.BadRequest, /leverage should be between/],
    ['leverage above the market max', () => ex.setLeverage(100, 'SOL/USDT:USDT'), ccxt.BadRequest, /-4028/],
    ['unknown order', () => ex.fetchOrder('999', 'BTC/USDT:USDT'), ccxt.OrderNotFound, /-2013/],
    ['cancel unknown order', () => ex.cancelOrder('999', 'BTC/USDT:USDT'), ccxt.OrderNotFound, /-2011/],
    ['unknown unified symbol (ccxt refuses before sending)', () => ex.fetchTicker('DOGE/USDT:USDT'), ccxt.BadSymbol, /does not have market symbol/],
    ['unknown symbol on the wire, public', () => raw().fapiPublicGetTicker24hr({ symbol: 'DOGEUSDT' }), ccxt.BadSymbol, /-1121/],
    ['unknown symbol on the wire, signed', () => raw().fapiPrivatePostOrder({ symbol: 'DOGEUSDT', side: 'BUY', type: 'MARKET', quantity: '1' }), ccxt.BadSymbol, /-1121/],
    ['quantity finer than the step', () => raw().fapiPrivatePostOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.0105' }), ccxt.BadRequest, /-1111/],
    ['recvWindow above 60000', () => ex.fetchBalance({ recvWindow: 70_000 }), ccxt.ExchangeError, /-1131/],
  ];
  test.each(cases)('%s', async (_name, call, cls, msg) => {
    const e = await rejection(call());
    expect(e).toBeInstanceOf(cls);
    expect(e.message).toMatch(msg);
  });

  test('a duplicate client order id among open orders is InvalidOrder; a filled one may be reused', async () => {
    await ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 3000, { clientOrderId: 'dup-1' });
    const e = await rejection(ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 3000, { clientOrderId: 'dup-1' }));
    expect(e).toBeInstanceOf(ccxt.InvalidOrder);
    expect(e.message).toContain('-4116');
    await ex.cancelOrder('', 'ETH/USDT:USDT', { clientOrderId: 'dup-1' });
    const again = await ex.createOrder('ETH/USDT:USDT', 'market', 'buy', 0.1, undefined, { clientOrderId: 'dup-1' });
    expect(again.status).toBe('closed');
  });

  test('wrong secret is AuthenticationError (-1022), unknown key AuthenticationError (-2015)', async () => {
    const a = h.account();
    const wrong = await h.client({ apiKey: a.cred.apiKey, secret: 'f'.repeat(64) });
    const e1 = await rejection(wrong.fetchBalance());
    expect(e1).toBeInstanceOf(ccxt.AuthenticationError);
    expect(e1.message).toContain('-1022');
    const unknown = await h.client({ apiKey: 'a'.repeat(64), secret: a.cred.secret });
    const e2 = await rejection(unknown.fetchBalance());
    expect(e2).toBeInstanceOf(ccxt.AuthenticationError);
    expect(e2.message).toContain('-2015');
  });

  test('a clock 2 s ahead or 11 s behind is InvalidNonce (-1021)', async () => {
    const skewed = await h.client(h.account().cred);
    skewed.options.timeDifference = -2000; // nonce() = now - timeDifference: 2 s ahead of the server
    const ahead = await rejection(skewed.fetchBalance());
    expect(ahead).toBeInstanceOf(ccxt.InvalidNonce);
    expect(ahead.message).toContain('ahead');
    skewed.options.timeDifference = 11_000; // 11 s behind, recvWindow 10 s
    const behind = await rejection(skewed.fetchBalance());
    expect(behind).toBeInstanceOf(ccxt.InvalidNonce);
    expect(behind.message).toContain('recvWindow');
    skewed.options.timeDifference = 0;
    expect((await skewed.fetchBalance()).USDT?.total).toBe(10_000);
  });

  test('the core kept the account untouched by all the rejected orders', () => {
    const a = h.ctx.core.account(accountId);
    expect([...a.orders.values()].filter((o) => o.status === 'rejected')).toHaveLength(0);
  });
});
