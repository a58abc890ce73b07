// Binance USD-M futures protocol layer of the venue simulator: REST routing, auth, faults around replies,
// and WebSocket upgrade / dispatch (market and user-data streams, the WebSocket API). Venue rules live in the core; wire shapes in format.ts / events.ts.
import type { Server } from 'bun';
import { marketsOf, type VenueContext } from '../core';
import type { VenueHandlers } from '../handlers';
import { BinanceApiError, errorResponse, jsonResponse, toBinanceError } from './errors';
import { FillLog } from './fills';
import { ListenKeys } from './listen-keys';
import { MarketStream } from './market-stream';
import { allOrders, cancelAllOpenOrders, cancelOrder, openOrders, placeOrder, queryOrder, userTrades } from './orders';
import { createPublicRoutes } from './rest-public';
import { account, leverageBracket, listenKey, positionRisk, setLeverage } from './rest-private';
import { apiKeyOf, authenticate, parseForm, splitUrl, type SignedRequest } from './sign';
import { SocketRegistry, type BinanceSocketData } from './sockets';
import { MarketStats } from './stats';
import { UserStream } from './user-stream';
import { wsApiMessage } from './ws-api';

export type { BinanceSocketData } from './sockets';
export { BinanceApiError } from './errors';

const MARKET_WS = /^\/(?:market|public)\/ws(?:\/\d+)?$|^\/ws$/;
/** Binance USD-M's WebSocket API path (wss://ws-fapi.binance.com/ws-fapi/v1). */
const WS_API = '/ws-fapi/v1';
const STREAM_PATH = /^[a-z0-9!@_.-]+(?:\/[a-z0-9!@_.-]+)*$/i;
/** Body of Binance's 503 when the order reached the matching engine but the gateway timed out (status unknown). */
const UNKNOWN_BODY = (path: string) =>
  JSON.stringify({ timestamp: Date.now(), path, msg: 'Unknown error, please check your request or try again later.' });

type BinanceServer = Server<BinanceSocketData>;

export function createBinanceHandlers(ctx: VenueContext): VenueHandlers<BinanceSocketData> {
  const stats = new MarketStats(ctx.core, marketsOf('binanceusdm'));
  const sockets = new SocketRegistry();
  const keys = new ListenKeys();
  const fills = new FillLog();
  const users = new UserStream(ctx, keys, sockets);
  const market = new MarketStream(ctx, stats, sockets);
  const publicRoutes = createPublicRoutes(ctx, stats);

  const signedRoutes: Record<string, (s: SignedRequest) => string> = {
    'GET /fapi/v3/account': (s) => account(ctx, s, false),
    'GET /fapi/v2/account': (s) => account(ctx, s, true),
    'GET /fapi/v3/positionRisk': (s) => positionRisk(ctx, s, false),
    'GET /fapi/v2/positionRisk': (s) => positionRisk(ctx, s, true),
    'GET /fapi/v1/leverageBracket': (s) => leverageBracket(ctx, s),
    'POST /fapi/v1/leverage': (s) => setLeverage(ctx, s),
    'GET /fapi/v1/order': (s) => queryOrder(ctx, s),
    'DELETE /fapi/v1/order': (s) => cancelOrder(ctx, s),
    'GET /fapi/v1/openOrders': (s) => openOrders(ctx, s),
    'GET /fapi/v1/allOrders': (s) => allOrders(ctx, s),
    'DELETE /fapi/v1/allOpenOrders': (s) => cancelAllOpenOrders(ctx, s),
    'GET /fapi/v1/userTrades': (s) => userTrades(ctx, fills, s),
  };

  const offCore = ctx.core.on((e) => {
    if (e.type === 'price') {
      if (e.market.venue === 'binanceusdm') market.onPrice(e.market, e.price);
      return;
    }
    if (e.account.venue !== 'binanceusdm') return;
    if (e.type === 'order' && e.fill) {
      stats.onFill(e.fill);
      fills.add(e.fill);
    }
    users.onCoreEvent(e);
  });
  const offFaults = ctx.faults.onCloseWebSockets((venue) => {
    if (!venue || venue === 'binanceusdm') sockets.closeAll();
  });
  const ticker = setInterval(() => market.tick(), 1000);
  const sweeper = setInterval(() => users.sweep(), 30_000);

  /** The reply is never sent: hold the request until the client gives up (or the idle timeout closes it). */
  const hang = (req: Request, server: BinanceServer) =>
    new Promise<Response>((resolve) => {
      server.timeout(req, 60);
      const done = () => resolve(new Response(null, { status: 504 }));
      if (req.signal.aborted) done();
      else req.signal.addEventListener('abort', done, { once: true });
    });

  async function route(req: Request, server: BinanceServer, path: string, query: string, receivedMs: number): Promise<Response> {
    const method = req.method;
    const pub = publicRoutes[path];
    if (pub && method === 'GET') return pub(parseForm(query));
    if (path === '/fapi/v1/listenKey' && (method === 'POST' || method === 'PUT' || method === 'DELETE')) {
      return jsonResponse(listenKey(keys, users, method, apiKeyOf(ctx, req).id, ctx.core.now()));
    }
    const isOrder = method === 'POST' && path === '/fapi/v1/order';
    const handler = isOrder ? undefined : signedRoutes[`${method} ${path}`];
    if (!handler && !isOrder) throw new BinanceApiError(-5000, `Path ${path}, Method ${method} is invalid`, 404);
    const body = method === 'GET' ? '' : await req.text();
    const signed = authenticate(ctx, req, query, body);
    if (!isOrder) return jsonResponse(handler!(signed));
    ctx.onOrderRequest?.('binanceusdm', signed.params.newClientOrderId ?? '', receivedMs, 'rest');
    const placed = placeOrder(ctx, signed);
    if (placed.fault === 'drop') return hang(req, server);
    if (placed.fault === 'unknown') return jsonResponse(UNKNOWN_BODY(path), 503);
    return jsonResponse(placed.body);
  }

  async function respond(req: Request, server: BinanceServer, path: string, query: string, receivedMs: number): Promise<Response> {
    let res: Response;
    try {
      res = await route(req, server, path, query, receivedMs);
    } catch (e) {
      res = errorResponse(toBinanceError(e, 'place'));
    }
    const latency = ctx.faults.latencyMs('binanceusdm');
    if (latency > 0) await Bun.sleep(latency);
    return res;
  }

  function upgrade(req: Request, server: BinanceServer, path: string, query: string): Response | undefined {
    let data: BinanceSocketData | undefined;
    if (path === WS_API) {
      data = { kind: 'api', topics: new Set() };
    } else if (path === '/private/ws') {
      data = { kind: 'user', topics: new Set(), listenKey: parseForm(query).listenKey ?? '' };
    } else if (MARKET_WS.test(path)) {
      data = { kind: 'market', topics: new Set(), initial: [] };
    } else if (path.startsWith('/ws/') && STREAM_PATH.test(path.slice(4))) {
      const rest = path.slice(4);
      data = keys.get(rest)
        ? { kind: 'user', topics: new Set(), listenKey: rest }
        : { kind: 'market', topics: new Set(), initial: rest.split('/') };
    }
    if (!data) return new Response('Not Found', { status: 404 });
    if (server.upgrade(req, { data })) return undefined;
    return new Response('WebSocket upgrade failed', { status: 400 });
  }

  return {
    fetch(req, server) {
      const receivedMs = performance.timeOrigin + performance.now();
      sockets.server = server;
      const { path, query } = splitUrl(req.url);
      if (req.headers.get('upgrade')?.toLowerCase() === 'websocket') return upgrade(req, server, path, query);
      return respond(req, server, path, query, receivedMs);
    },
    websocket: {
      open(ws) {
        sockets.add(ws);
        if (ws.data.kind === 'user') users.open(ws, ws.data.listenKey);
        else if (ws.data.kind === 'market') market.subscribe(ws, ws.data.initial);
      },
      message(ws, message) {
        if (ws.data.kind === 'api') wsApiMessage(ctx, ws, typeof message === 'string' ? message : message.toString(), performance.timeOrigin + performance.now());
        else if (ws.data.kind === 'market') market.message(ws, typeof message === 'string' ? message : message.toString());
      },
      close(ws) {
        sockets.remove(ws);
        if (ws.data.kind === 'user') users.closed(ws, ws.data.listenKey);
      },
    },
    close() {
      clearInterval(ticker);
      clearInterval(sweeper);
      offCore();
      offFaults();
      sockets.closeAll();
    },
  };
}
