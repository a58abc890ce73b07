// Real ccxt (REST) against the layer on Bun.serve, signatures verified.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { startVenue, type Venue } from './test-harness';

const BTC = 'BTC/USDC:USDC';
const ETH = 'ETH/USDC:USDC';
const cloid = (n: number) => '0x' + n.toString(16).padStart(32, '0');

let venue: Venue;
beforeAll(async () => {
  venue = await startVenue();
  expect(venue.ctx.options.verifySignatures).toBe(true);
});
afterAll(() => venue.stop());

describe('markets and account reads', () => {
  test('loadMarkets: perps with amount precision from szDecimals and the asset index as id', async () => {
    const { client } = await venue.trader();
    const markets = await client.loadMarkets();
    expect(Object.keys(markets).sort()).toEqual([BTC, ETH, 'SOL/USDC:USDC']);
    expect(markets[BTC]).toMatchObject({ id: '0', baseName: 'BTC', swap: true, linear: true, settle: 'USDC' });
    expect(markets[BTC]!.precision.amount).toBe(0.00001);
    expect(markets[ETH]!.precision.amount).toBe(0.0001);
    expect(markets['SOL/USDC:USDC']!.precision.amount).toBe(0.01);
    expect(markets[ETH]!.limits.leverage?.max).toBe(25);
  });

  test('fetchBalance and fetchTicker(s) reflect the core', async () => {
    const { client } = await venue.trader(2500);
    const bal = await client.fetchBalance();
    expect(bal.USDC).toMatchObject({ total: 2500, used: 0 });
    venue.ctx.core.setPrice('hyperliquid', 'ETH', 3100);
    const tickers = await client.fetchTickers();
    expect(tickers[ETH]!.close).toBe(3100);
    expect(tickers[ETH]!.bid).toBeCloseTo(3099.9, 6);
    expect((await client.fetchTicker(BTC)).close).toBe(venue.ctx.core.mark('hyperliquid', 'BTC'));
  });

  test('an address the venue has never seen reads as an empty account', async () => {
    const { client } = await venue.trader();
    const positions = await client.fetchPositions(undefined, { user: '0x' + '12'.repeat(20) });
    expect(positions).toEqual([]);
    const bal = await client.fetchBalance({ user: '0x' + '12'.repeat(20) });
    expect(bal.USDC?.total).toBe(0);
  });
});

describe('orders', () => {
  test('setLeverage, market buy at mark, positions and balance after the fill', async () => {
    const { client, account } = await venue.trader(10_000);
    await client.loadMarkets();
    const ok = await client.setLeverage(5, BTC);
    expect(ok).toEqual({ status: 'ok', response: { type: 'default' } });
    expect(venue.ctx.core.leverageOf(account, 'BTC')).toBe(5);
    const mark = venue.ctx.core.mark('hyperliquid', 'BTC');
    const order = await client.createOrder(BTC, 'market', 'buy', 0.02, mark);
    expect(order).toMatchObject({ amount: 0.02, filled: 0.02, average: mark, remaining: 0 });
    expect(Number(order.id)).toBeGreaterThan(0);
    const [pos] = await client.fetchPositions();
    expect(pos).toMatchObject({ symbol: BTC, side: 'long', contracts: 0.02, entryPrice: mark, leverage: 5, marginMode: 'cross' });
    expect(pos!.collateral).toBeCloseTo((0.02 * mark) / 5, 6);
    const bal = await client.fetchBalance();
    expect(bal.USDC!.total).toBeCloseTo(10_000 - 0.02 * mark * 0.00045, 6);
    expect(bal.USDC!.used).toBeCloseTo((0.02 * mark) / 5, 6);
  });

  test('reduceOnly market sell closes the position, which then disappears', async () => {
    const { client } = await venue.trader(10_000);
    await client.loadMarkets();
    const mark = venue.ctx.core.mark('hyperliquid', 'ETH');
    await client.createOrder(ETH, 'market', 'sell', 0.5, mark);
    expect((await client.fetchPositions([ETH]))[0]).toMatchObject({ side: 'short', contracts: 0.5 });
    const close = await client.createOrder(ETH, 'market', 'buy', 0.5, mark, { reduceOnly: true });
    expect(close.filled).toBe(0.5);
    expect(await client.fetchPositions()).toEqual([]);
  });

  test('fetchOrder by id and by client order id; unknown ids raise OrderNotFound', async () => {
    const { client } = await venue.trader(10_000);
    await client.loadMarkets();
    const mark = venue.ctx.core.mark('hyperliquid', 'BTC');
    const id = cloid(0xc0ffee);
    const placed = await client.createOrder(BTC, 'market', 'sell', 0.001, mark, { clientOrderId: id });
    expect(placed.clientOrderId).toBe(id);
    const byId = await client.fetchOrder(placed.id!, BTC);
    expect(byId).toMatchObject({ id: placed.id, clientOrderId: id, status: 'closed', side: 'sell', amount: 0.001, filled: 0.001, symbol: BTC, timeInForce: 'IOC' });
    const byCloid = await client.fetchOrder('', BTC, { clientOrderId: id });
    expect(byCloid.id).toBe(placed.id!);
    const notFound = await client.fetchOrder('999999999', BTC).catch((e) => e);
    expect(notFound).toBeInstanceOf(Error);
    expect(notFound.constructor.name).toBe('OrderNotFound');
  });

  test('resting limit order: open orders, cancel, then fill by mark cross on another order', async () => {
    const { client } = await venue.trader(10_000);
    await client.loadMarkets();
    venue.ctx.core.setPrice('hyperliquid', 'BTC', 60_000);
    const resting = await client.createOrder(BTC, 'limit', 'buy', 0.01, 59_000, { clientOrderId: cloid(77) });
    expect(resting).toMatchObject({ clientOrderId: cloid(77) });
    const open = await client.fetchOpenOrders(BTC);
    expect(open.map((o) => [o.id, o.status, o.price, o.amount, o.remaining])).toEqual([[resting.id, 'open', 59_000, 0.01, 0.01]]);
    const canceled = await client.cancelOrder(resting.id!, BTC);
    expect(canceled.status).toBe('success');
    expect((await client.fetchOrder(resting.id!, BTC)).status).toBe('canceled');
    const second = await client.createOrder(BTC, 'limit', 'buy', 0.01, 59_500);
    venue.ctx.core.setPrice('hyperliquid', 'BTC', 59_400);
    expect((await client.fetchOrder(second.id!, BTC)).status).toBe('closed');
    venue.ctx.core.setPrice('hyperliquid', 'BTC', 60_000);
    const cancelGone = await client.cancelOrder(second.id!, BTC).catch((e) => e.constructor.name);
    expect(cancelGone).toBe('OrderNotFound');
  });

  test('cancel by client order id (cancelByCloid); a second cancel raises OrderNotFound', async () => {
    const { client, account } = await venue.trader(10_000);
    await client.loadMarkets();
    venue.ctx.core.setPrice('hyperliquid', 'BTC', 60_000);
    const id = cloid(0xbeef);
    await client.createOrder(BTC, 'limit', 'sell', 0.01, 61_000, { clientOrderId: id });
    expect(venue.ctx.core.openOrders(account.id)).toHaveLength(1);
    expect((await client.cancelOrder('', BTC, { clientOrderId: id })).status).toBe('success');
    expect(venue.ctx.core.openOrders(account.id)).toHaveLength(0);
    expect((await client.fetchOrder('', BTC, { clientOrderId: id })).status).toBe('canceled');
    const again = await client.cancelOrder('', BTC, { clientOrderId: id }).catch((e) => e.constructor.name);
    expect(again).toBe('OrderNotFound');
  });

  test('fetchMyTrades returns fills with fee, direction and order id', async () => {
    const { client } = await venue.trader(10_000);
    await client.loadMarkets();
    const mark = venue.ctx.core.mark('hyperliquid', 'ETH');
    const a = await client.createOrder(ETH, 'market', 'buy', 0.3, mark);
    const b = await client.createOrder(ETH, 'market', 'sell', 0.5, mark);
    const trades = await client.fetchMyTrades(ETH);
    expect(trades.map((t) => [t.order, t.side, t.amount, t.takerOrMaker])).toEqual([
      [a.id, 'buy', 0.3, 'taker'],
      [b.id, 'sell', 0.5, 'taker'],
    ]);
    expect(trades.map((t) => t.info.dir)).toEqual(['Open Long', 'Long > Short']);
    expect(trades[1]!.fee!.cost).toBeCloseTo(0.5 * mark * 0.00045, 6);
    const since = await client.fetchMyTrades(ETH, trades[1]!.timestamp);
    expect(since.map((t) => t.order)).toContain(b.id);
  });
});
