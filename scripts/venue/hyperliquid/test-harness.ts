// Test-only helpers: start the Hyperliquid layer on Bun.serve port 0 and build real ccxt.pro clients for
// fresh simulated accounts, exactly as the engine points them. Used by the *.test.ts files here; no assertions.
import { createClient, prepareClient, type ProClient } from '../../../engine/src/venues/client';
import { createVenueContext, type HyperliquidCredentials, type SimAccount, type VenueContext, type VenueContextOptions } from '../core';
import { createHyperliquidHandlers } from './index';

export interface Trader {
  account: SimAccount;
  cred: HyperliquidCredentials;
  client: ProClient;
}

export interface Venue {
  ctx: VenueContext;
  url: string;
  trader(balance?: number, opts?: { timeoutMs?: number }): Promise<Trader>;
  /** A ccxt client for an address the venue has never issued (unknown signer), or following another user. */
  client(credentials: { walletAddress: string; privateKey?: string }, opts?: { timeoutMs?: number }): Promise<ProClient>;
  post(path: '/info' | '/exchange', body: unknown): Promise<{ status: number; text: string; json: any }>;
  /** Sockets subscribed to a pub/sub topic, e.g. 'orderUpdates:0x...'. */
  subscribers(topic: string): number;
  /** A plain WebSocket on /ws that records every message it receives. */
  socket(): Promise<RawSocket>;
  stop(): Promise<void>;
}

export async function startVenue(opts: VenueContextOptions = {}): Promise<Venue> {
  const ctx = createVenueContext({ slippageBps: 0, ...opts });
  const handlers = createHyperliquidHandlers(ctx);
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handlers.fetch, websocket: handlers.websocket });
  const url = `http://127.0.0.1:${server.port}`;
  const clients: ProClient[] = [];
  const sockets: WebSocket[] = [];
  const client = async (credentials: { walletAddress: string; privateKey?: string }, o: { timeoutMs?: number } = {}) => {
    const c = createClient('hyperliquid', { baseUrl: url, credentials, enableRateLimit: false, timeoutMs: o.timeoutMs ?? 5000 });
    await prepareClient(c);
    clients.push(c);
    return c;
  };
  return {
    ctx,
    url,
    client,
    async trader(balance = 10_000, o = {}) {
      const account = ctx.core.createAccount('hyperliquid', balance);
      const cred = ctx.credentials.issue('hyperliquid', account.id) as HyperliquidCredentials;
      return { account, cred, client: await client({ walletAddress: cred.address, privateKey: cred.privateKey }, o) };
    },
    async post(path, body) {
      const r = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await r.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: r.status, text, json };
    },
    subscribers: (topic) => server.subscriberCount(topic),
    async socket() {
      const ws = new WebSocket(url.replace('http', 'ws') + '/ws');
      const raw: RawSocket = { ws, messages: [], closed: false, send: (m) => ws.send(JSON.stringify(m)) };
      ws.onmessage = (e) => void raw.messages.push(JSON.parse(String(e.data)));
      ws.onclose = () => void (raw.closed = true);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      sockets.push(ws);
      return raw;
    },
    async stop() {
      for (const ws of sockets) ws.close();
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      handlers.close();
      await server.stop(true);
    },
  };
}

export interface RawSocket {
  ws: WebSocket;
  messages: any[];
  closed: boolean;
  send(message: unknown): void;
}

/** Poll until `check` is true (pushes and subscriptions are asynchronous); throws after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await Bun.sleep(5);
  }
}

/** Await a promise and return the class name of what it threw ('none' if it resolved). */
export async function thrownClass(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return (e as Error).constructor.name;
  }
}
