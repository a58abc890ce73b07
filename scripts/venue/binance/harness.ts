// Test support: the Binance handlers served by Bun on port 0 over a fresh core, accounts with
// credentials, real ccxt.pro clients pointed at it, and a hand-signed raw fetch. Used only by tests.
import ccxt from 'ccxt';
import { createClient, prepareClient } from '../../../engine/src/venues/client';
import { createVenueContext, type BinanceCredentials, type VenueContext, type VenueContextOptions } from '../core';
import { createBinanceHandlers } from './index';
import { hmacHex } from './sign';

export type BinanceClient = InstanceType<typeof ccxt.pro.binanceusdm>;

export interface Harness {
  ctx: VenueContext;
  url: string;
  account(balance?: number): { id: string; cred: BinanceCredentials };
  client(cred: { apiKey: string; secret: string }, opts?: { timeoutMs?: number }): Promise<BinanceClient>;
  /** Signed request as Binance documents it; `signature` overrides the computed one. */
  signed(method: string, path: string, params: Record<string, string | number>, cred: { apiKey: string; secret: string }, signature?: string): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startHarness(opts: VenueContextOptions = {}): Promise<Harness> {
  const ctx = createVenueContext({ slippageBps: 0, ...opts });
  const handlers = createBinanceHandlers(ctx);
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handlers.fetch, websocket: handlers.websocket });
  const url = `http://127.0.0.1:${server.port}`;
  const clients: BinanceClient[] = [];
  return {
    ctx,
    url,
    account(balance = 10_000) {
      const acc = ctx.core.createAccount('binanceusdm', balance);
      return { id: acc.id, cred: ctx.credentials.issue('binanceusdm', acc.id) as BinanceCredentials };
    },
    async client(cred, o = {}) {
      const ex = createClient('binanceusdm', {
        baseUrl: url, credentials: { apiKey: cred.apiKey, secret: cred.secret }, enableRateLimit: false, timeoutMs: o.timeoutMs,
      }) as BinanceClient;
      await prepareClient(ex);
      clients.push(ex);
      return ex;
    },
    async signed(method, path, params, cred, signature) {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
      const sig = signature ?? hmacHex(cred.secret, query);
      const res = await fetch(`${url}${path}?${query}&signature=${sig}`, { method, headers: { 'X-MBX-APIKEY': cred.apiKey } });
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      handlers.close();
      await server.stop(true);
    },
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail');
}
