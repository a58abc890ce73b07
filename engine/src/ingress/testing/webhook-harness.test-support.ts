// Test support: the API with a real TradingView ingress, copy engine, books, in-process bus and PGlite
// store; one TradingView strategy created through the API, followed by a Binance and a Hyperliquid
// follower. Helpers build alerts and read what reached the bus. Not product code.
import { FollowerBook, WhaleBook } from '../../book';
import { InProcessBus, decodeSignalBatch, type SignalBatch } from '../../bus';
import { ManualClock } from '../../core';
import { CopyEngine } from '../../copy';
import { EventHub } from '../../events';
import type { Follow, MarketSpec } from '../../model';
import { TradingStates } from '../../risk';
import { generateKeySpec, keyringFromSpec, openStore, type Store } from '../../store';
import { MarketCatalog } from '../../venues';
import { TradingViewIngress, type WebhookOptions } from '../../webhooks';
import { createApi, type Api } from '../api';
import { ADMIN_TOKEN } from './api-harness.test-support';
import { RecordingEngineControl } from './engine-control.test-support';

export const TV_SECRET = 'tv-secret-0123456789abcdef';
export const SHARDS = 2;
export const MARKETS: MarketSpec[] = [
  { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 },
  { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 20, priceTick: 0.01, maxLeverage: 100 },
  { symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', venueId: 'BTC', amountStep: 0.00001, minAmount: 0.00001, minNotional: 10, priceTick: 1, maxLeverage: 40 },
  { symbol: 'ETH/USDC:USDC', venue: 'hyperliquid', venueId: 'ETH', amountStep: 0.0001, minAmount: 0.0001, minNotional: 10, priceTick: 0.1, maxLeverage: 25 },
];
const MARKS: Record<string, number> = { BTC: 60000, ETH: 3000 };

export interface WebhookReplyView {
  status: number;
  body: any;
  text: string;
}

export interface WebhookHarness {
  store: Store;
  bus: InProcessBus;
  whales: WhaleBook;
  followers: FollowerBook;
  states: TradingStates;
  copy: CopyEngine;
  ingress: TradingViewIngress;
  api: Api;
  clock: ManualClock;
  control: RecordingEngineControl;
  strategyId: string;
  /** Signals the copy engine emitted (after their XADD). */
  emitted: number;
  /** A valid alert for BTCUSDT.P with the given fields replaced; time = the clock now. */
  alert(over?: Record<string, unknown>): Record<string, unknown>;
  post(body: string | Record<string, unknown>, init?: { contentType?: string; headers?: Record<string, string> }): Promise<WebhookReplyView>;
  /** Every signal batch on the bus so far (read without consuming the group's backlog twice). */
  batches(): Promise<SignalBatch[]>;
  close(): Promise<void>;
}

export async function openWebhookHarness(options: Partial<WebhookOptions> = {}): Promise<WebhookHarness> {
  const store = await openStore({ dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  const bus = new InProcessBus({ keyPrefix: `wh${Math.random().toString(36).slice(2, 8)}` });
  const clock = new ManualClock(Date.now());
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const states = new TradingStates();
  const catalog = new MarketCatalog();
  catalog.add(MARKETS);
  const marks = new Map<string, number>();
  let emitted = 0;
  const copy = new CopyEngine({
    bus, shards: SHARDS, whales, followers, states, clock, markets: catalog,
    mark: (_venue, symbol) => marks.get(symbol.slice(0, symbol.indexOf('/'))) ?? MARKS[symbol.slice(0, symbol.indexOf('/'))],
    observer: { emitted: (_w, _s, _i, signals) => { for (const shard of signals) emitted += shard.length; } },
  });
  const ingress = new TradingViewIngress({
    whales, copy, store, clock, options: { ratePerSource: 1_000_000, ...options }, journal: { intervalMs: 5 },
    knownBase: (base) => catalog.market('binanceusdm', base) !== undefined || catalog.market('hyperliquid', base) !== undefined,
    onMark: (symbol, price) => marks.set(symbol.slice(0, symbol.indexOf('/')), price),
  });
  await ingress.start();
  const control = new RecordingEngineControl();
  const api = createApi({ store, control, bus, shards: SHARDS, adminToken: ADMIN_TOKEN, events: new EventHub(), tradingView: ingress, clock });
  const created = await api.handle(new Request('http://localhost/api/whales', {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ venue: 'tradingview', name: 'tv-harness', secret: TV_SECRET, tickerMap: { 'ETHPERP': 'ETH/USDT:USDT' } }),
  }));
  const strategyId = ((await created.json()) as { id: string }).id;
  const follow = (id: string, followerId: string, k: number): Follow => ({
    id, whaleId: strategyId, followerId, sizing: { mode: 'proportional', k }, caps: {}, leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
  });
  copy.follows.upsert(follow('follow-bn', 'f-bn', 1), 'binanceusdm', new Map());
  copy.follows.upsert(follow('follow-hl', 'f-hl', 0.1), 'hyperliquid', new Map());
  for (const f of ['f-bn', 'f-hl']) {
    followers.replaceActual(f, new Map());
    followers.setEquity(f, 1_000_000, 0);
  }
  const seen: SignalBatch[] = [];
  const h: WebhookHarness = {
    store, bus, whales, followers, states, copy, ingress, api, clock, control, strategyId,
    get emitted() { return emitted; },
    alert: (over = {}) => ({
      strategy: strategyId, secret: TV_SECRET, ticker: 'BINANCE:BTCUSDT.P', action: 'buy', contracts: '1', position_size: '1',
      market_position: 'long', prev_market_position: 'flat', order_id: 'Long', price: '60000', time: new Date(clock.nowMs()).toISOString(), ...over,
    }),
    async post(body, init = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await api.handle(new Request('http://localhost/webhooks/tradingview', {
        method: 'POST', headers: { 'content-type': init.contentType ?? 'application/json', ...init.headers }, body: text,
      }));
      const reply = await response.text();
      let parsed: unknown = reply;
      try { parsed = JSON.parse(reply); } catch { /* stays text */ }
      return { status: response.status, body: parsed, text: reply };
    },
    async batches() {
      for (let shard = 0; shard < SHARDS; shard++) {
        const consumer = bus.consumeSignals(shard, { consumer: 'test', blockMs: 5 }, async (entry) => { seen.push(decodeSignalBatch(entry.bytes)); });
        await consumer.ready;
        await Bun.sleep(15);
        await consumer.stop();
      }
      return seen;
    },
    async close() {
      await ingress.close();
      await bus.close();
      await store.close();
    },
  };
  return h;
}
