// Repository tests for the orders outbox, fills and the signals journal, and the write-behind
// JournalWriter against a real database (PGlite and PostgreSQL), including failing flushes.
import { expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import { describeOnDrivers } from './testing/driver-suite';
import { REPORT_FILL_PREFIX, type FillEntry, type OrderUpdate, type SignalEntry } from './types';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

function intent(overrides: Partial<OrderUpdate> = {}): OrderUpdate {
  return {
    clientOrderId: uid('wc'), followerId: 'f-1', whaleId: 'w-1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT',
    side: 'buy', amount: 0.003, status: 'pending', reduceOnly: false, leg: 1, whaleSeq: 42, ...overrides,
  };
}

function fill(overrides: Partial<FillEntry> = {}): FillEntry {
  return {
    clientOrderId: uid('wc'), followerId: 'f-1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'buy',
    amount: 0.001, price: 65_000.5, fee: 0.026, feeCurrency: 'USDT', venueTradeId: uid('t'), ts: 1_700_000_000_123, ...overrides,
  };
}

function signal(whaleId: string, whaleSeq: number, overrides: Partial<SignalEntry> = {}): SignalEntry {
  return { kind: 'signal', whaleId, whaleSeq, shard: whaleSeq % 4, followerCount: 3, payload: new Uint8Array([8, whaleSeq % 256, 0, 255]), ...overrides };
}

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await Bun.sleep(10);
  }
};

describeOnDrivers('store outbox', (env) => {
  test('orders: a redelivered intent never creates a second row', async () => {
    const order = intent();
    await env().store.orders.upsert([order]);
    await env().store.orders.upsert([order]);
    await env().store.orders.upsert([{ ...order, amount: 99 }]);
    const rows = await env().rows<{ n: number | string }>(sql`select count(*) as n from orders where client_order_id = ${order.clientOrderId}`);
    expect(Number(rows[0]!.n)).toBe(1);
    expect(await env().store.orders.get(order.clientOrderId)).toMatchObject({ status: 'pending', amount: 0.003, leg: 1, whaleSeq: 42, reduceOnly: false, attempts: 0, filledAmount: 0 });
  });

  test('orders: status only moves forward (filled is never overwritten by sent)', async () => {
    const { orders } = env().store;
    const order = intent();
    await orders.upsert([order]);
    await orders.upsert([{ ...order, status: 'sent', attempts: 1, at: Date.now() + 1 }]);
    expect((await orders.get(order.clientOrderId))?.status).toBe('sent');
    await orders.upsert([{ ...order, status: 'filled', filledAmount: 0.003, avgPrice: 65_001, venueOrderId: '8389765', attempts: 1 }]);
    await orders.upsert([{ ...order, status: 'sent', attempts: 2, error: 'late duplicate' }]);
    await orders.upsert([{ ...order, status: 'rejected', error: '-2019 margin' }]);
    await orders.upsert([{ ...order, status: 'pending' }]);
    expect(await orders.get(order.clientOrderId)).toMatchObject({
      status: 'filled', filledAmount: 0.003, avgPrice: 65_001, venueOrderId: '8389765', error: null, attempts: 2,
    });
  });

  test('orders: a report that arrives before its intent keeps its status and gains the intent fields', async () => {
    const { orders } = env().store;
    const order = intent({ leg: 0, reduceOnly: true, whaleSeq: 7 });
    await orders.upsert([{ ...order, leg: null, reduceOnly: null, whaleSeq: null, status: 'unknown', error: 'RequestTimeout' }]);
    await orders.upsert([order]);
    expect(await orders.get(order.clientOrderId)).toMatchObject({ status: 'unknown', leg: 0, reduceOnly: true, whaleSeq: 7, error: 'RequestTimeout' });
    await orders.upsert([{ ...order, status: 'partially_filled', filledAmount: 0.001 }]);
    await orders.upsert([{ ...order, status: 'partially_filled', filledAmount: 0.002 }]);
    await orders.upsert([{ ...order, status: 'unknown', filledAmount: 0 }]);
    expect(await orders.get(order.clientOrderId)).toMatchObject({ status: 'partially_filled', filledAmount: 0.002, error: null });
  });

  test('orders: duplicates inside one batch are folded into one row', async () => {
    const { orders } = env().store;
    const order = intent();
    await orders.upsert([order, { ...order, status: 'filled', filledAmount: 0.003 }, { ...order, status: 'sent' }, order]);
    expect(await orders.get(order.clientOrderId)).toMatchObject({ status: 'filled', filledAmount: 0.003 });
  });

  test('orders: list and listOpen', async () => {
    const { orders } = env().store;
    const followerId = uid('f');
    const open = intent({ followerId });
    const done = intent({ followerId, status: 'filled' });
    const skipped = intent({ followerId, status: 'skipped', error: 'follower halted' });
    await orders.upsert([open, done, skipped]);
    expect((await orders.listOpen({ followerId })).map((o) => o.clientOrderId)).toEqual([open.clientOrderId]);
    expect((await orders.list({ followerId })).length).toBe(3);
    expect((await orders.list({ followerId, status: ['filled', 'skipped'] })).map((o) => o.status).sort()).toEqual(['filled', 'skipped']);
  });

  test('fills: a venue trade is stored once; the same trade id on another venue is another trade', async () => {
    const { fills } = env().store;
    const clientOrderId = uid('wc');
    const first = fill({ clientOrderId });
    expect(await fills.insert([first, fill({ clientOrderId, venueTradeId: uid('t') })])).toBe(2);
    expect(await fills.insert([first])).toBe(0);
    expect(await fills.insert([{ ...first, venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' }])).toBe(1);
    const listed = await fills.list({ clientOrderId });
    expect(listed.length).toBe(3);
    expect(listed.find((f) => f.venueTradeId === first.venueTradeId && f.venue === 'binanceusdm'))
      .toMatchObject({ price: 65_000.5, fee: 0.026, feeCurrency: 'USDT', ts: new Date(1_700_000_000_123) });
  });

  test("fills: an order's fills are its venue trades or its report row, never both (in one batch, across batches)", async () => {
    const { fills } = env().store;
    const [a, b, c] = [uid('wc'), uid('wc'), uid('wc')];
    const report = (clientOrderId: string) => fill({ clientOrderId, venueTradeId: `${REPORT_FILL_PREFIX}${uid('o')}`, amount: 0.002, fee: 0 });
    // a: recorded from its report; the venue replays its trades later (e.g. a userFills snapshot after a restart)
    expect(await fills.insert([report(a)])).toBe(1);
    expect(await fills.insert([fill({ clientOrderId: a }), fill({ clientOrderId: a })])).toBe(0);
    // b: its trades are in; a report row for it later adds nothing
    expect(await fills.insert([fill({ clientOrderId: b }), fill({ clientOrderId: b })])).toBe(2);
    expect(await fills.insert([report(b)])).toBe(0);
    // c: both kinds in one batch: the trades win
    expect(await fills.insert([report(c), fill({ clientOrderId: c })])).toBe(1);
    const kinds = async (clientOrderId: string) => (await fills.list({ clientOrderId })).map((f) => (f.venueTradeId.startsWith(REPORT_FILL_PREFIX) ? 'report' : 'trade'));
    expect(await kinds(a)).toEqual(['report']);
    expect(await kinds(b)).toEqual(['trade', 'trade']);
    expect(await kinds(c)).toEqual(['trade']);
  });

  test('signals journal: payload bytes, detail json and 53-bit sequences round-trip', async () => {
    const { signals } = env().store;
    const whaleId = uid('w');
    await signals.append([
      signal(whaleId, Number.MAX_SAFE_INTEGER),
      { kind: 'denial', whaleId, whaleSeq: 2, shard: 0, followerCount: 1, detail: { followerId: 'f-9', reason: 'max_position_notional' } },
    ]);
    const [denial, sent] = await signals.list({ whaleId });
    expect(sent).toMatchObject({ kind: 'signal', whaleSeq: Number.MAX_SAFE_INTEGER, followerCount: 3, detail: null });
    expect([...sent!.payload!]).toEqual([8, Number.MAX_SAFE_INTEGER % 256, 0, 255]);
    expect(denial).toMatchObject({ kind: 'denial', payload: null, detail: { followerId: 'f-9', reason: 'max_position_notional' } });
    expect(await signals.list({ whaleId, kind: 'skip' })).toEqual([]);
  });

  test('journal: rows appended synchronously land in batches after flush', async () => {
    const { journal, signals, orders } = env().store;
    const whaleId = uid('w');
    const before = journal.stats().signals;
    for (let seq = 1; seq <= 450; seq += 1) {
      const returned: unknown = journal.appendSignal(signal(whaleId, seq));
      expect(returned).toBe(true);
    }
    const order = intent({ whaleId });
    journal.appendOrder(order);
    journal.appendOrder({ ...order, status: 'sent' });
    journal.appendFill(fill({ clientOrderId: order.clientOrderId }));
    await journal.flush();
    const after = journal.stats().signals;
    expect(after.written - before.written).toBe(450);
    expect(after.batches - before.batches).toBeGreaterThanOrEqual(3);
    expect(after.buffered).toBe(0);
    expect((await signals.list({ whaleId, limit: 1000 })).length).toBe(450);
    expect((await orders.get(order.clientOrderId))?.status).toBe('sent');
    expect((await env().store.fills.list({ clientOrderId: order.clientOrderId })).length).toBe(1);
  });

  test('journal: the interval flushes without an explicit flush()', async () => {
    const { journal, signals } = env().store;
    const whaleId = uid('w');
    journal.appendSignal(signal(whaleId, 1));
    await waitFor(async () => (await signals.list({ whaleId })).length === 1);
  });

  test('journal: a failing flush is retried and counted, then the rows land', async () => {
    const { journal, signals } = env().store;
    const whaleId = uid('w');
    await env().rows(sql`alter table signals rename to signals_away`);
    try {
      const errorsBefore = journal.stats().signals.flushErrors;
      journal.appendSignal(signal(whaleId, 1));
      journal.appendSignal(signal(whaleId, 2));
      await journal.flush();
      expect(journal.stats().signals.flushErrors).toBeGreaterThan(errorsBefore);
      expect(journal.stats().signals.buffered).toBe(2);
    } finally {
      await env().rows(sql`alter table signals_away rename to signals`);
    }
    await waitFor(async () => (await signals.list({ whaleId })).length === 2);
    expect(journal.stats().signals.buffered).toBe(0);
  });

  test('journal: a row the database refuses is dropped and counted, the rest of its batch lands', async () => {
    const { journal, signals } = env().store;
    const whaleId = uid('w');
    const rejectedBefore = journal.stats().signals.rejected;
    journal.appendSignal(signal(whaleId, 1));
    journal.appendSignal(signal(whaleId, 2 ** 64));
    journal.appendSignal(signal(whaleId, 3));
    await journal.flush();
    expect(journal.stats().signals.rejected - rejectedBefore).toBe(1);
    expect((await signals.list({ whaleId })).map((s) => s.whaleSeq)).toEqual([3, 1]);
  });
}, { journal: { maxRows: 200, intervalMs: 20, maxBackoffMs: 50 } });
