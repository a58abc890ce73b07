// Rendering tests of the page templates with hostile data: names and errors from the engine are
// escaped everywhere, numbers keep fixed decimals, and the TradingView set-up holds the right template.
import { describe, expect, test } from 'bun:test';
import type { FollowerView, WhaleView } from '../engine/types';
import { signInForm } from './auth';
import { page } from './layout';
import { followersSection } from './operator/followers';
import { auditMain } from './operator/operations';
import { whalesSection } from './operator/whales';
import { historyMain } from './portal/portal';
import { alertTemplate, webhookUrl } from './tradingview';
import { html } from '../server/html';

const EVIL = '<img src=x onerror=alert(1)>';
const whale: WhaleView = { id: 'w1', kind: 'tradingview', name: EVIL, address: null, tickerMap: null, state: 'halted', hasCredentials: false, hasSecret: true, createdAt: '2025-01-02T03:04:05.000Z' };
const follower: FollowerView = { id: 'f1', name: EVIL, venue: 'binanceusdm', address: null, state: 'active', lastError: EVIL, createdAt: '2025-01-02T03:04:05.000Z' };

describe('escaping', () => {
  test.each([
    ['whales', () => whalesSection({ whales: [whale], csrf: 'c', enginePublicUrl: 'http://e', form: { error: EVIL, name: EVIL } }).value],
    ['followers', () => followersSection({ followers: [follower], csrf: 'c', form: { error: EVIL, name: EVIL } }).value],
    ['audit', () => auditMain({ items: [{ id: 1, actor: EVIL, action: EVIL, target: EVIL, detail: { x: EVIL }, ts: '2025-01-02T03:04:05.000Z' }], next: null }).value],
    ['sign-in', () => signInForm({ realm: 'console', csrf: '"><script>', email: EVIL, error: EVIL }).value],
    ['layout', () => page({ realm: 'portal', title: EVIL, assets: { script: '/a.js', style: '/a.css' }, path: '/portal', main: html``, csrf: 'c', user: { name: EVIL } }).value],
  ])('%s renders hostile text inert', (_name, render) => {
    const markup = render();
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

test('the TradingView alert template names the strategy and secret and keeps the placeholders', () => {
  expect(JSON.parse(alertTemplate('w1', 's3cret'))).toEqual({
    strategy: 'w1', secret: 's3cret', ticker: '{{ticker}}', action: '{{strategy.order.action}}', contracts: '{{strategy.order.contracts}}',
    position_size: '{{strategy.position_size}}', market_position: '{{strategy.market_position}}', prev_market_position: '{{strategy.prev_market_position}}',
    order_id: '{{strategy.order.id}}', price: '{{close}}', time: '{{timenow}}',
  });
  expect(webhookUrl('https://engine.example/')).toBe('https://engine.example/webhooks/tradingview');
});

test('history: PnL, fills and orders with fixed decimals, right-aligned', () => {
  const markup = historyMain({
    orders: [],
    fills: [
      { id: 1, clientOrderId: 'c1', followerId: 'f1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'buy', amount: 0.01, price: 60000, fee: 0.24, feeCurrency: 'USDT', venueTradeId: 't1', ts: '2025-01-01T00:00:01.000Z' },
      { id: 2, clientOrderId: 'c2', followerId: 'f1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell', amount: 0.005, price: 61000, fee: 0.12, feeCurrency: 'USDT', venueTradeId: 't2', ts: '2025-01-01T00:00:02.000Z' },
    ],
  }).value;
  expect(markup).toContain('Realized PnL from fills');
  expect(markup).toContain('<td class="num">+0.00500</td><td class="num">60,000.00</td><td class="num">+5.00</td><td class="num">0.36</td><td class="num">+4.64</td>');
});
