// Binance USD-M orders over the venue's WebSocket API (ws-fapi `order.place`), one connection per follower
// account, through ccxt.pro's own WebSocket client, request ids and request signing (signParams), with its
// error handler turning `{status, error: {code, msg}}` replies into ccxt's classes. An order on an open
// socket costs about a third less client CPU than the REST request (no HTTP request, no response object;
// scripts/bench/order-cpu.ts: 0.20 -> 0.14 ms) and the venue less as well; while the socket is not open,
// orders go over REST and the socket is opened meanwhile.
import { RequestTimeout } from 'ccxt';
import type { ProClient } from '../venues';
import { TokenBucket, bucketForWindow } from './rate-limit/token-bucket';

/** A closed or failed socket is opened again at most this often (orders meanwhile go over REST). */
const REOPEN_MS = 5_000;

/**
 * Binance allows 300 new WebSocket connections per 5 minutes per IP. The sockets of one process open within
 * `perFiveMinutes` in any 5-minute window (default 100: two executors and the engine's feeds behind one IP fit);
 * accounts past it send over REST until their turn, so an executor restarting with thousands of accounts is
 * not refused by the venue.
 */
export class SocketOpenBudget {
  private readonly bucket: TokenBucket;

  constructor(readonly perFiveMinutes = 100, private readonly nowMs: () => number = Date.now) {
    this.bucket = new TokenBucket(bucketForWindow({ limit: perFiveMinutes, windowMs: 300_000 }), nowMs());
  }

  /** Takes one opening if one is available now. */
  take(): boolean {
    const now = this.nowMs();
    if (this.bucket.available(now) < 1) return false;
    this.bucket.reserve(1, now);
    return true;
  }
}

/** The slice of ccxt.pro's binance (and its WebSocket client) this module calls. */
interface WsExchange {
  readonly id: string;
  readonly urls: { api: { ws: { 'ws-api': { future: string } } } };
  readonly clients: Record<string, WsClient | undefined>;
  client(url: string): WsClient;
  requestId(url: string): number;
  signParams(params: Record<string, unknown>): Record<string, unknown>;
  watch(url: string, messageHash: string, message: unknown, subscribeHash: string, subscription: unknown): Promise<unknown>;
}

interface WsClient {
  readonly url: string;
  readonly subscriptions: Record<string, unknown>;
  connect(backoffDelay?: number): Promise<unknown>;
  isOpen(): boolean;
  close(): unknown;
  resolve(result: unknown, messageHash: string): unknown;
  reject(result: unknown, messageHash: string): unknown;
}

/** Called by ccxt's binance.handleMessage for a successful reply to one of our requests (errors go to its handleWsError). */
function onReply(client: WsClient, message: { id?: unknown; result?: unknown }): void {
  const id = String(message.id);
  delete client.subscriptions[id];
  client.resolve(message.result ?? {}, id);
}

export class BinanceOrderSocket {
  private readonly ex: WsExchange;
  private readonly url: string;
  private lastOpenMs = -Infinity;

  constructor(
    ex: ProClient,
    private readonly timeoutMs: number,
    private readonly budget: SocketOpenBudget,
    /** A socket that could not be opened or closed (orders go over REST meanwhile). */
    private readonly onSocketError: (error: unknown) => void = (error) => console.warn(`binance order socket: ${String(error)}`),
    private readonly nowMs: () => number = Date.now,
  ) {
    this.ex = ex as unknown as WsExchange;
    this.url = this.ex.urls.api.ws['ws-api'].future;
  }

  /** True when orders can go over the socket now. */
  get open(): boolean {
    return this.ex.clients[this.url]?.isOpen() === true;
  }

  /** Starts opening the socket unless it is open, being opened, was tried less than REOPEN_MS ago, or the budget is spent. */
  ensureOpen(): void {
    const existing = this.ex.clients[this.url];
    if (existing !== undefined || this.nowMs() - this.lastOpenMs < REOPEN_MS) return;
    if (!this.budget.take()) return;
    this.lastOpenMs = this.nowMs();
    // A failed connection is reported to ccxt's onError, which drops the client; a later order tries again.
    // Orders never wait for it: they go over REST meanwhile.
    try {
      this.ex.client(this.url).connect(0).catch(() => undefined);
    } catch (error) {
      this.onSocketError(error);
    }
  }

  /**
   * One signed `order.place` with these parameters; resolves with the raw order (the REST endpoint's RESULT
   * shape), rejects with ccxt's class for the venue's error, NetworkError when the socket closes first, or
   * RequestTimeout when no reply comes within the timeout (the order may exist either way; the socket is closed).
   */
  place(params: Record<string, string>): Promise<Record<string, unknown>> {
    const { ex, url } = this;
    const client = ex.client(url);
    const id = String(ex.requestId(url));
    const message = { id, method: 'order.place', params: ex.signParams({ ...params, returnRateLimits: false }) };
    const reply = ex.watch(url, id, message, id, { method: onReply });
    const timer = setTimeout(() => {
      delete client.subscriptions[id];
      client.reject(new RequestTimeout(`${ex.id} order.place ${params['newClientOrderId'] ?? id}: no reply within ${this.timeoutMs} ms`), id);
      // A socket that let a request go unanswered may be dead without knowing it (half-open): close it, so
      // the account's next orders go over REST instead of waiting out the same timeout, and open a fresh one later.
      try {
        client.close();
      } catch (error) {
        this.onSocketError(error);
      }
    }, this.timeoutMs);
    return reply.then(
      (raw) => {
        clearTimeout(timer);
        return raw as Record<string, unknown>;
      },
      (error: unknown) => {
        clearTimeout(timer);
        delete client.subscriptions[id];
        throw error;
      },
    );
  }
}

const sockets = new WeakMap<object, BinanceOrderSocket>();

/** Orders of this ccxt instance go over a WebSocket API connection from now on (opened in the background). */
export function attachOrderSocket(ex: ProClient, timeoutMs: number, budget: SocketOpenBudget): BinanceOrderSocket {
  const socket = new BinanceOrderSocket(ex, timeoutMs, budget);
  sockets.set(ex, socket);
  socket.ensureOpen();
  return socket;
}

/** The instance's order socket, if it has one. */
export function orderSocketOf(ex: ProClient): BinanceOrderSocket | undefined {
  return sockets.get(ex);
}
