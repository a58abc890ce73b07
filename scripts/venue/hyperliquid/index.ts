// Public surface of the Hyperliquid perpetuals protocol layer: createHyperliquidHandlers wires /info, /exchange
// and /ws onto one VenueContext, applies HTTP faults (latency, dropped replies) and forwards core events to streams.
import type { Server } from 'bun';
import type { VenueContext } from '../core';
import type { VenueHandlers } from '../handlers';
import { HlRequestError, unprocessable, type Reply } from './errors';
import { handleExchange } from './exchange';
import { handleInfo } from './info';
import { HyperliquidState } from './state';
import { HyperliquidStreams, type HlSocketData } from './ws';

export { HyperliquidState } from './state';
export type { HlSocketData } from './ws';

/** A dropped reply is held until the client gives up; this caps how long a held request can live. */
const DROPPED_REPLY_HOLD_MS = 120_000;

export function createHyperliquidHandlers(ctx: VenueContext): VenueHandlers<HlSocketData> {
  const st = new HyperliquidState(ctx);
  const streams = new HyperliquidStreams(st);
  const held = new Set<() => void>();
  const offCore = ctx.core.on((e) => {
    const fill = e.type === 'order' && e.fill && e.account.venue === 'hyperliquid' ? st.recordFill(e.account, e.order, e.fill) : undefined;
    streams.publish(e, fill);
  });
  const offClose = ctx.faults.onCloseWebSockets((venue) => {
    if (!venue || venue === 'hyperliquid') streams.closeAll();
  });

  async function serveHttp(req: Request, path: string): Promise<Response> {
    let reply: Reply;
    if (req.method !== 'POST' || (path !== '/info' && path !== '/exchange')) {
      reply = { kind: 'text', status: 404, text: 'Not Found' };
    } else {
      const body = await req.json().catch((e: unknown) => new HlRequestError('body is not JSON', { cause: e }));
      if (body instanceof HlRequestError) reply = unprocessable(body);
      else reply = path === '/info' ? handleInfo(st, body) : handleExchange(st, body);
    }
    const latency = ctx.faults.latencyMs('hyperliquid');
    if (latency > 0) await Bun.sleep(latency);
    if (reply.kind === 'drop') return hold(req);
    if (reply.kind === 'json') return Response.json(reply.body, { status: reply.status, headers: reply.headers });
    return new Response(reply.text, { status: reply.status, headers: { 'Content-Type': 'text/plain', ...reply.headers } });
  }

  /** Never answer: resolve (into a discarded 504) only when the client aborts, the layer closes, or the cap expires. */
  function hold(req: Request): Promise<Response> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        held.delete(release);
        resolve(new Response(null, { status: 504 }));
      };
      const timer = setTimeout(release, DROPPED_REPLY_HOLD_MS);
      held.add(release);
      req.signal.addEventListener('abort', release, { once: true });
    });
  }

  return {
    fetch(req: Request, server: Server<HlSocketData>) {
      const path = pathOf(req.url);
      if (path === '/ws') {
        streams.attach(server);
        if (server.upgrade(req, { data: { venue: 'hyperliquid' } })) return undefined;
        return new Response('Expected a WebSocket upgrade', { status: 400 });
      }
      return serveHttp(req, path);
    },
    websocket: streams.websocket,
    close() {
      offCore();
      offClose();
      streams.closeAll();
      for (const release of [...held]) release();
    },
  };
}

/** Path of an absolute request URL without building a URL object. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const q = url.indexOf('?', start);
  return q < 0 ? url.slice(start) : url.slice(start, q);
}
