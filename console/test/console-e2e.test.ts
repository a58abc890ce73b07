// Browser test of the console and the portal with every real part: the venue simulator, the engine and
// an executor as processes (Redis Streams, PostgreSQL), the console in-process, and Debian's Chromium.
// Sign-in, whale and follower set-up, a whale trade live on both sites within one second, the halt
// switch, CSRF refusals, keyboard and layout checks, and a screenshot of every page.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConsoleConfig, startConsole, type ConsoleHandle } from '../index';
import {
  REDIS_URL, SCREENSHOTS, binanceMarketOrder, dropRedisPrefix, freePort, freshDatabase, httpReady, launchBrowser, simAccount, simView,
  spawnBun, until, type ChildProcess, type SimAccount,
} from './support';

const ADMIN = `console-e2e-admin-${crypto.randomUUID()}`;
const OPERATOR = { email: 'ops@example.com', password: 'operator-password-1' };
const FOLLOWER = { name: 'Alice', email: 'alice@example.com', password: 'follower-password-1' };
const BTC = 'BTC/USDT:USDT';
const prefix = `wcc${Math.random().toString(36).slice(2, 8)}`;

let sim: ChildProcess;
let engine: ChildProcess;
let executor: ChildProcess;
let app: ConsoleHandle;
let dropDb: () => Promise<void>;
let engineUrl: string;
let adminUrl: string;
let binanceUrl: string;
let ops: Awaited<ReturnType<typeof launchBrowser>>;
let fol: Awaited<ReturnType<typeof launchBrowser>>;
let opsPage: Page;
let folPage: Page;
let whaleAccount: SimAccount;
let followerAccount: SimAccount;
let whaleId = '';
let followerId = '';

const engineApi = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${engineUrl}${path}`, {
    method, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
};
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const consoleAt = (path: string) => `${app.url}${path}`;
/** Waits until `selector` is visible; answers the milliseconds since `t0`. */
const visibleAfter = async (page: Page, selector: string, text: string, t0: number, timeout: number) => {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  return Date.now() - t0;
};
const isLive = (page: Page) => page.locator('wc-link-status [data-live="true"]').waitFor({ timeout: 10_000 });

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const simPort = await freePort(true);
  sim = await spawnBun('scripts/venue/main.ts', ['--port', String(simPort), '--slippage-bps', '0'], {}, (out) => out.includes('venue simulator:'));
  binanceUrl = `http://127.0.0.1:${simPort}`;
  adminUrl = `${binanceUrl}/admin`;
  const db = await freshDatabase();
  dropDb = db.drop;
  const enginePort = await freePort();
  engineUrl = `http://127.0.0.1:${enginePort}`;
  const env = {
    ENGINE_ADMIN_TOKEN: ADMIN, ENGINE_MASTER_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
    REDIS_URL, DATABASE_URL: db.url, ENGINE_PORT: String(enginePort), BINANCEUSDM_URL: binanceUrl, HYPERLIQUID_URL: `http://127.0.0.1:${simPort + 1}`,
    EXECUTOR_SHARDS: '1', BUS_PREFIX: prefix, LOG_LEVEL: 'warn', EXECUTOR_METRICS_PORT: '0',
  };
  engine = await spawnBun('engine/src/main.ts', [], env, httpReady(`${engineUrl}/health/live`), 60_000);
  executor = await spawnBun('engine/src/executor/main.ts', ['--shard', '0', '--shards', '1'], env, (out) => out.includes('consuming as'));
  // The first operator is created with the engine's bootstrap token (as `bun console/create-operator.ts` does).
  await engineApi('POST', '/api/auth/operators', OPERATOR);
  app = await startConsole(loadConsoleConfig({
    CONSOLE_PORT: '0', CONSOLE_HOST: '127.0.0.1', ENGINE_URL: engineUrl, ENGINE_ADMIN_TOKEN: ADMIN,
    CONSOLE_SESSION_SECRET: crypto.randomUUID() + crypto.randomUUID(), LOG_LEVEL: 'error',
  }), { overviewMs: 500, latencyMs: 1000 });
  ops = await launchBrowser({ width: 1280, height: 900 });
  fol = await launchBrowser({ width: 390, height: 844 });
  opsPage = await ops.context.newPage();
  folPage = await fol.context.newPage();
}, 120_000);

afterAll(async () => {
  await ops?.close();
  await fol?.close();
  await app?.stop();
  await executor?.stop();
  await engine?.stop();
  await sim?.stop();
  await dropDb?.();
  await dropRedisPrefix(prefix);
}, 60_000);

describe('ops console and follower portal in Chromium', () => {
  test('an operator signs in; a wrong password is refused', async () => {
    await opsPage.goto(consoleAt('/console'));
    await opsPage.waitForURL('**/console/login');
    await shot(opsPage, 'console-login');
    await opsPage.fill('#f-email', OPERATOR.email);
    await opsPage.fill('#f-password', 'not the password');
    await opsPage.click('button[type=submit]');
    await expect(opsPage.locator('.notice.error').textContent()).resolves.toBe('Email or password is wrong.');
    await opsPage.fill('#f-password', OPERATOR.password);
    await opsPage.click('button[type=submit]');
    await opsPage.waitForURL(/\/console$/);
    expect(await opsPage.locator('h1').textContent()).toBe('Overview');
    const cookie = (await ops.context.cookies()).find((c) => c.name === 'wc_console')!;
    expect([cookie.httpOnly, cookie.sameSite, cookie.path]).toEqual([true, 'Strict', '/console']);
    await opsPage.locator('wc-overview [data-tile="whales"]').waitFor({ timeout: 5000 });
    await isLive(opsPage);
    await shot(opsPage, 'console-overview');
  }, 30_000);

  test('the operator adds a Binance lead account and a TradingView strategy', async () => {
    whaleAccount = await simAccount(adminUrl, 1_000_000);
    await opsPage.goto(consoleAt('/console/whales'));
    await opsPage.selectOption('#f-kind', 'binanceusdm');
    await opsPage.fill('#f-name', 'Big Fish');
    await opsPage.fill('#f-apiKey', whaleAccount.apiKey);
    await opsPage.fill('#f-secret', whaleAccount.secret);
    await opsPage.click('#whales-section button[type=submit]');
    await opsPage.locator('#whales-section .notice.ok').waitFor();
    whaleId = (await opsPage.locator('tr[data-whale-id]').filter({ hasText: 'Big Fish' }).getAttribute('data-whale-id'))!;
    expect(whaleId).toMatch(/^[A-Za-z0-9_.:-]+$/);
    expect(await opsPage.content()).not.toContain(whaleAccount.secret);
    await opsPage.selectOption('#f-kind', 'tradingview');
    await opsPage.fill('#f-name', 'TV breakout');
    await opsPage.click('#whales-section button[type=submit]');
    const template = await opsPage.locator('pre[id^="wh-tpl-"]').textContent();
    expect(JSON.parse(template!)).toMatchObject({ ticker: '{{ticker}}', position_size: '{{strategy.position_size}}', time: '{{timenow}}' });
    expect(await opsPage.locator('pre[id^="wh-url-"]').textContent()).toBe(`${engineUrl}/webhooks/tradingview`);
    await shot(opsPage, 'console-whales');
  }, 30_000);

  test('a follower signs up, checks and saves a venue key, and follows the whale', async () => {
    followerAccount = await simAccount(adminUrl, 100_000);
    await folPage.goto(consoleAt('/portal/signup'));
    await shot(folPage, 'portal-signup');
    await folPage.fill('#f-name', FOLLOWER.name);
    await folPage.fill('#f-email', FOLLOWER.email);
    await folPage.fill('#f-password', FOLLOWER.password);
    await folPage.click('button[type=submit]');
    await folPage.waitForURL(/\/portal$/);
    await shot(folPage, 'portal-home-no-key');
    await folPage.goto(consoleAt('/portal/key'));
    await folPage.selectOption('#f-venue', 'binanceusdm');
    await folPage.fill('#f-apiKey', followerAccount.apiKey);
    await folPage.fill('#f-secret', 'not-the-secret');
    await folPage.click('text=Check the key');
    await expect(folPage.locator('#key-check .notice.error').textContent()).resolves.toContain('The key does not work');
    await folPage.fill('#f-secret', followerAccount.secret);
    await folPage.click('text=Check the key');
    await expect(folPage.locator('#key-check [data-balance]').textContent()).resolves.toBe('100,000.00');
    await shot(folPage, 'portal-key-checked');
    await folPage.click('text=Check and save the key');
    await folPage.locator('#key-section > .notice.ok').filter({ hasText: 'Saved.' }).waitFor();
    expect(await folPage.content()).not.toContain(followerAccount.secret);
    await folPage.goto(consoleAt('/portal/follows'));
    await folPage.selectOption('#f-whaleId', whaleId);
    await folPage.selectOption('#f-mode', 'proportional');
    await folPage.fill('#f-factor', '0.5');
    await folPage.fill('#f-maxOrderNotional', '5000');
    await folPage.click('#follows-section button.primary');
    await folPage.locator('tr[data-follow-id]').filter({ hasText: 'Big Fish' }).waitFor();
    await shot(folPage, 'portal-follows');
    const followers = await engineApi<{ items: { id: string; name: string }[] }>('GET', '/api/followers');
    followerId = followers.items.find((f) => f.name === FOLLOWER.name)!.id;
  }, 30_000);

  test('a whale trade on the venue appears on the console and on the portal within one second', async () => {
    await opsPage.goto(consoleAt(`/console/whales/${whaleId}`));
    await folPage.goto(consoleAt('/portal'));
    await Promise.all([isLive(opsPage), isLive(folPage)]);
    await until('the engine runs the whale and the follower', async () =>
      (await engineApi('GET', `/api/whales/${whaleId}/positions`)).loaded && (await engineApi('GET', `/api/followers/${followerId}/positions`)).loaded);
    await Bun.sleep(500); // the follower's private stream is connected before the whale trades
    const t0 = Date.now();
    const seen = Promise.all([
      visibleAfter(opsPage, `wc-positions-table tr[data-symbol="${BTC}"]`, '+0.01000', t0, 3000),
      visibleAfter(opsPage, 'wc-live-feed tr[data-type="signal"]', BTC, t0, 3000),
      visibleAfter(folPage, `wc-positions-table tr[data-symbol="${BTC}"]`, '+0.00500', t0, 3000),
      visibleAfter(folPage, `wc-live-feed tr[data-type="signal"][data-follower-id="${followerId}"]`, BTC, t0, 3000),
    ]);
    await binanceMarketOrder(binanceUrl, whaleAccount, 'BTCUSDT', 'BUY', '0.010');
    const [consoleBook, consoleFeed, portalBook, portalFeed] = await seen;
    console.log(`whale trade -> console book ${consoleBook} ms, console feed ${consoleFeed} ms, portal book ${portalBook} ms, portal feed ${portalFeed} ms`);
    for (const ms of [consoleBook, consoleFeed, portalBook, portalFeed]) expect(ms).toBeLessThan(1000);
    await until('the follower holds its copy on the venue', async () =>
      (await simView(adminUrl, followerAccount.id)).positions.find((p) => p.symbol === BTC)?.contracts === 0.005);
    await folPage.locator(`wc-positions-table tr[data-symbol="${BTC}"][data-off-target="false"]`).waitFor({ timeout: 5000 });
    await shot(opsPage, 'console-whale');
    await shot(folPage, 'portal-home');
  }, 60_000);

  test('the halt switch, behind a confirmation, stops new orders and is audited', async () => {
    await opsPage.goto(consoleAt('/console/state'));
    const engineSwitch = opsPage.locator('wc-state-switch[scope="engine"]');
    await engineSwitch.locator('button[data-action="halted"]').click();
    await expect(engineSwitch.locator('dialog p').textContent()).resolves.toContain('Halt the whole engine');
    await opsPage.keyboard.press('Escape');
    await until('the dialog closes on Escape', async () => !(await engineSwitch.locator('dialog').isVisible()));
    expect((await engineApi('GET', '/api/state')).engine).toBe('active');
    await engineSwitch.locator('button[data-action="halted"]').click();
    await shot(opsPage, 'console-state-confirm');
    await engineSwitch.locator('button.confirm').click();
    await engineSwitch.locator('[data-state="halted"]').waitFor({ timeout: 5000 });
    expect((await engineApi('GET', '/api/state')).engine).toBe('halted');
    const ordersBefore = (await simView(adminUrl, followerAccount.id)).orders.length;
    await folPage.goto(consoleAt('/portal'));
    await isLive(folPage);
    await binanceMarketOrder(binanceUrl, whaleAccount, 'BTCUSDT', 'BUY', '0.010');
    await until('the engine sees the whale at 0.02', async () =>
      (await engineApi('GET', `/api/whales/${whaleId}/positions`)).positions.find((p: any) => p.symbol === BTC)?.contracts === 0.02);
    await folPage.locator('wc-live-feed tr[data-type="denied"]').first().waitFor({ timeout: 5000 });
    await Bun.sleep(1500);
    const after = await simView(adminUrl, followerAccount.id);
    expect(after.orders.length).toBe(ordersBefore);
    expect(after.positions.find((p) => p.symbol === BTC)?.contracts).toBe(0.005);
    await shot(opsPage, 'console-state');
    await shot(folPage, 'portal-home-halted');
    await opsPage.goto(consoleAt('/console/audit'));
    await opsPage.locator('tr[data-action="state.set"]').first().waitFor();
    await shot(opsPage, 'console-audit');
  }, 60_000);

  test('a state-changing request without the CSRF token gets 403', async () => {
    const csrf = (await opsPage.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    const post = (headers: Record<string, string>) => ops.context.request.post(consoleAt('/console/state'), {
      data: { scope: 'engine', state: 'active' }, headers: { accept: 'application/json', ...headers },
    });
    expect((await post({})).status()).toBe(403);
    expect((await post({ 'x-csrf-token': `${csrf}x` })).status()).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, origin: 'http://evil.example' })).status()).toBe(403);
    expect((await engineApi('GET', '/api/state')).engine).toBe('halted');
    const pause = await fol.context.request.post(consoleAt('/portal/pause'), { form: { confirm: 'yes' } });
    expect(pause.status()).toBe(403);
    expect((await engineApi('GET', `/api/followers/${followerId}`)).state).toBe('active');
    // The same request with the session's token goes through: the 403s were the token's doing.
    const resumed = await post({ 'x-csrf-token': csrf });
    expect(resumed.status()).toBe(200);
    expect((await engineApi('GET', '/api/state')).engine).toBe('active');
  }, 30_000);

  test('keyboard navigation, no sideways scrolling, stable live panels, and a screenshot of every page', async () => {
    await opsPage.goto(consoleAt('/console'));
    await opsPage.keyboard.press('Tab');
    expect(await opsPage.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await opsPage.keyboard.press('Enter');
    expect(await opsPage.evaluate(() => document.activeElement?.id)).toBe('main');
    const overview = opsPage.locator('wc-overview');
    await opsPage.locator('wc-overview [data-tile="orders"]').waitFor();
    const before = await overview.boundingBox();
    await Bun.sleep(1200); // two overview updates
    expect(await overview.boundingBox()).toEqual(before);
    const pages: [Page, string, string][] = [
      [opsPage, '/console/followers', 'console-followers'], [opsPage, `/console/followers/${followerId}`, 'console-follower'],
      [opsPage, '/console/feed', 'console-feed'], [opsPage, '/console/latency', 'console-latency'],
      [opsPage, '/console/dead-letters', 'console-dead-letters'], [folPage, '/portal/history', 'portal-history'],
      [folPage, '/portal/key', 'portal-key'], [folPage, '/portal/follows', 'portal-follows-list'],
    ];
    for (const [page, path, name] of pages) {
      await page.goto(consoleAt(path));
      expect(await page.locator('h1').count()).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect([name, overflow]).toEqual([name, 0]);
      await shot(page, name);
    }
    await folPage.goto(consoleAt('/portal/history'));
    // Two copies of 0.01 at k = 0.5 (the second once the engine resumed): 0.01 held, bought at the simulator's mark.
    await until('the PnL table holds both copies', async () => {
      await folPage.goto(consoleAt('/portal/history'));
      return (await folPage.locator(`tr[data-symbol="${BTC}"] td`).nth(1).textContent()) === '+0.01000';
    });
    await shot(folPage, 'portal-history');
  }, 60_000);

  test('the follower pauses its own copying, after confirming it', async () => {
    await folPage.goto(consoleAt('/portal'));
    await folPage.click('#pause-section button[type=submit]'); // the required box is not ticked: the browser does not send
    await Bun.sleep(300);
    expect((await engineApi('GET', `/api/followers/${followerId}`)).state).toBe('active');
    await folPage.check('#pause-section input[name=confirm]');
    await folPage.click('#pause-section button[type=submit]');
    await folPage.locator('#pause-section .notice.ok').filter({ hasText: 'Your copying is paused.' }).waitFor();
    await folPage.locator('wc-state-badge[scope="follower"][state="halted"]').waitFor();
    expect((await engineApi('GET', `/api/followers/${followerId}`)).state).toBe('halted');
    expect(await folPage.locator('#pause-section').textContent()).toContain('Only an operator can resume it.');
    await shot(folPage, 'portal-paused');
    await fol.context.clearCookies();
    await folPage.goto(consoleAt('/portal/login'));
    await shot(folPage, 'portal-login');
  }, 30_000);
});
