// Test support for the browser tests: throwaway PostgreSQL database, Redis key cleanup, engine,
// executor and simulator as real processes, signed Binance orders on the simulator, and a headless
// Chromium with a fresh profile. Test support only; it never imports engine/src.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import postgres from 'postgres';
import { chromium, type BrowserContext } from 'playwright-core';

export const REPO = resolve(import.meta.dir, '../..');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wc_console_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(PG_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function dropRedisPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length > 0) await r.del(...keys);
  await r.quit();
}

/** A TCP port nobody listens on right now (and, with `pair`, the next one too). */
export async function freePort(pair = false): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    const ok = await Promise.all([port, ...(pair ? [port + 1] : [])].map((p) => new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen(p, '127.0.0.1', () => server.close(() => done(true)));
    })));
    if (ok.every(Boolean)) return port;
  }
  throw new Error('no free port found');
}

export interface ChildProcess {
  proc: ReturnType<typeof Bun.spawn>;
  output(): string;
  stop(): Promise<void>;
}

/** `bun <script> ...args` from the repository root; resolves once `ready()` says so. */
export async function spawnBun(script: string, args: string[], env: Record<string, string>, ready: (output: string) => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<ChildProcess> {
  const proc = Bun.spawn([process.execPath, join(REPO, script), ...args], { cwd: REPO, env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
  let text = '';
  for (const stream of [proc.stdout, proc.stderr]) {
    void (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream as ReadableStream<Uint8Array>) text = (text + decoder.decode(chunk)).slice(-20_000);
    })();
  }
  const child: ChildProcess = {
    proc,
    output: () => text,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      const exited = await Promise.race([proc.exited.then(() => true), Bun.sleep(5000).then(() => false)]);
      if (!exited) {
        proc.kill('SIGKILL');
        await proc.exited;
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${script} exited with ${proc.exitCode}:\n${text}`);
    if (await ready(text)) return child;
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`${script} did not become ready in ${timeoutMs} ms:\n${text}`);
    }
    await Bun.sleep(50);
  }
}

export const httpReady = (url: string) => async () => fetch(url).then((r) => r.ok, () => false);

export interface SimAccount { id: string; venue: 'binanceusdm'; apiKey: string; secret: string }

export async function simAccount(adminUrl: string, balance: number): Promise<SimAccount> {
  const res = await fetch(`${adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance }) });
  if (!res.ok) throw new Error(`simulator account: ${res.status} ${await res.text()}`);
  return res.json() as Promise<SimAccount>;
}

export async function simView(adminUrl: string, id: string): Promise<{ positions: { symbol: string; contracts: number }[]; orders: { clientOrderId: string }[] }> {
  return (await fetch(`${adminUrl}/accounts/${id}`)).json() as never;
}

/** A signed Binance USD-M market order, as a whale would place it on the venue (no ccxt needed). */
export async function binanceMarketOrder(binanceUrl: string, account: SimAccount, symbol: string, side: 'BUY' | 'SELL', quantity: string): Promise<void> {
  const query = new URLSearchParams({ symbol, side, type: 'MARKET', quantity, timestamp: String(Date.now()) }).toString();
  const signature = createHmac('sha256', account.secret).update(query).digest('hex');
  const res = await fetch(`${binanceUrl}/fapi/v1/order?${query}&signature=${signature}`, { method: 'POST', headers: { 'X-MBX-APIKEY': account.apiKey } });
  if (!res.ok) throw new Error(`whale order refused: ${res.status} ${await res.text()}`);
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, headless, with a fresh profile directory removed at close. */
export async function launchBrowser(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'wc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, locale: 'en-US', timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const SCREENSHOTS = join(REPO, 'artifacts', 'screenshots');

/** Polls `fn` until it returns a value (not undefined/false) or the deadline passes. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await Bun.sleep(25);
  }
}
