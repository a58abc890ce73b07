// WebSocket /ws: subscribe / unsubscribe / ping / post, and pushes of core events through Bun pub/sub topics
// so each change is serialized once however many sockets follow it. Never changes core state itself.
import type { Server, ServerWebSocket, WebSocketHandler } from 'bun';
import type { CoreEvent, SimAccount } from '../core';
import type { Reply } from './errors';
import { handleExchange } from './exchange';
import { assetCtx, basicOrder, clearinghouseState, orderWithStatus, type HlFill } from './format';
import { allMids, handleInfo } from './info';
import type { HyperliquidState } from './state';

export interface HlSocketData {
  venue: 'hyperliquid';
}

type Subscription = Record<string, unknown> & { type: string };

const USER_CHANNELS = new Set(['clearinghouseState', 'orderUpdates', 'userFills']);
const lower = (x: unknown) => (typeof x === 'string' ? x.toLowerCase() : '');

/** Topic of a subscription, or undefined when the simulator does not serve that feed. */
function topicOf(sub: Subscription): string | undefined {
  if (USER_CHANNELS.has(sub.type)) return /^0x[0-9a-f]{40}$/.test(lower(sub.user)) ? `${sub.type}:${lower(sub.user)}` : undefined;
  if (sub.type === 'activeAssetCtx') return typeof sub.coin === 'string' ? `activeAssetCtx:${sub.coin}` : undefined;
  if (sub.type === 'allMids') return 'allMids';
  return undefined;
}

export class HyperliquidStreams {
  private server: Server<HlSocketData> | undefined;
  private readonly sockets = new Set<ServerWebSocket<HlSocketData>>();

  constructor(private readonly st: HyperliquidState) {}

  /** Remember the server so core events can be published to its topics. */
  attach(server: Server<HlSocketData>): void {
    this.server = server;
  }

  readonly websocket: WebSocketHandler<HlSocketData> = {
    open: (ws) => void this.sockets.add(ws),
    close: (ws) => void this.sockets.delete(ws),
    message: (ws, raw) => this.onMessage(ws, typeof raw === 'string' ? raw : raw.toString()),
  };

  closeAll(): void {
    for (const ws of this.sockets) ws.close(1012, 'closed by simulator');
    this.sockets.clear();
  }

  private onMessage(ws: ServerWebSocket<HlSocketData>, raw: string): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(raw);
      if (typeof msg !== 'object' || msg === null) throw new Error('not an object');
    } catch {
      return void ws.send(JSON.stringify({ channel: 'error', data: `Error parsing JSON into valid websocket request: ${raw}` }));
    }
    if (msg.method === 'ping') return void ws.send('{"channel":"pong"}');
    if (msg.method === 'post') return this.onPost(ws, msg);
    const sub = msg.subscription as Subscription | undefined;
    const topic = sub && typeof sub === 'object' && typeof sub.type === 'string' ? topicOf(sub) : undefined;
    if ((msg.method !== 'subscribe' && msg.method !== 'unsubscribe') || !sub || typeof sub.type !== 'string') {
      return void ws.send(JSON.stringify({ channel: 'error', data: `Error parsing JSON into valid websocket request: ${raw}` }));
    }
    if (!topic) {
      return void ws.send(JSON.stringify({ channel: 'error', data: `Subscription not served by the simulator: ${JSON.stringify(sub)}` }));
    }
    const subscribing = msg.method === 'subscribe';
    if (ws.isSubscribed(topic) === subscribing) {
      const word = subscribing ? 'Already subscribed' : 'Already unsubscribed';
      return void ws.send(JSON.stringify({ channel: 'error', data: `${word}: ${JSON.stringify(sub)}` }));
    }
    if (subscribing) ws.subscribe(topic);
    else ws.unsubscribe(topic);
    ws.send(JSON.stringify({ channel: 'subscriptionResponse', data: msg }));
    if (subscribing && !this.st.ctx.faults.streamPaused('hyperliquid')) this.sendSnapshot(ws, sub);
  }

  private sendSnapshot(ws: ServerWebSocket<HlSocketData>, sub: Subscription): void {
    const st = this.st;
    const user = lower(sub.user);
    if (sub.type === 'clearinghouseState') {
      ws.send(JSON.stringify(this.stateMessage(user, st.accountOf(user))));
    } else if (sub.type === 'userFills') {
      const a = st.accountOf(user);
      ws.send(JSON.stringify({ channel: 'userFills', data: { isSnapshot: true, user, fills: a ? st.recentFills(a.id) : [] } }));
    } else if (sub.type === 'activeAssetCtx') {
      const m = st.markets.find((x) => x.id === sub.coin);
      if (m) ws.send(JSON.stringify({ channel: 'activeAssetCtx', data: { coin: m.id, ctx: assetCtx(m, st.core.mark('hyperliquid', m.id), st.coinStats(m.id)) } }));
    } else if (sub.type === 'allMids') {
      ws.send(JSON.stringify({ channel: 'allMids', data: { mids: allMids(st) } }));
    }
  }

  /** {method:'post', id, request:{type:'action'|'info', payload}} answered on the 'post' channel; a dropped reply is never sent. */
  private onPost(ws: ServerWebSocket<HlSocketData>, msg: Record<string, unknown>): void {
    const request = msg.request as { type?: unknown; payload?: unknown } | undefined;
    const type = request?.type;
    if (type !== 'action' && type !== 'info') {
      return void ws.send(JSON.stringify({ channel: 'post', data: { id: msg.id, response: { type: 'error', payload: 'Unsupported post request' } } }));
    }
    const reply: Reply = type === 'action' ? handleExchange(this.st, request?.payload) : handleInfo(this.st, request?.payload);
    if (reply.kind === 'drop') return;
    const response = reply.kind === 'json' && reply.status === 200 ? { type, payload: reply.body } : { type: 'error', payload: reply.kind === 'text' ? reply.text : reply.body };
    ws.send(JSON.stringify({ channel: 'post', data: { id: msg.id, response } }));
  }

  private stateMessage(user: string, a: SimAccount | undefined) {
    const state = clearinghouseState(this.st.core, a, this.st.core.now());
    return { channel: 'clearinghouseState', data: { dex: '', user, clearinghouseState: state } };
  }

  /** Publish what a core event changed; `fill` is the venue fill already recorded for an order event. */
  publish(e: CoreEvent, fill: HlFill | undefined): void {
    const server = this.server;
    if (!server || this.st.ctx.faults.streamPaused('hyperliquid')) return;
    if (e.type === 'price') {
      if (e.market.venue !== 'hyperliquid') return;
      const m = e.market;
      const ctxTopic = `activeAssetCtx:${m.id}`;
      if (server.subscriberCount(ctxTopic) > 0) {
        const ctx = assetCtx(m, e.price, this.st.coinStats(m.id));
        server.publish(ctxTopic, JSON.stringify({ channel: 'activeAssetCtx', data: { coin: m.id, ctx } }));
      }
      if (server.subscriberCount('allMids') > 0) server.publish('allMids', JSON.stringify({ channel: 'allMids', data: { mids: allMids(this.st) } }));
      return;
    }
    if (e.account.venue !== 'hyperliquid') return;
    const user = this.st.addressOf(e.account.id);
    if (!user) return;
    if (e.type === 'account') {
      const topic = `clearinghouseState:${user}`;
      if (server.subscriberCount(topic) > 0) server.publish(topic, JSON.stringify(this.stateMessage(user, e.account)));
      return;
    }
    const ordersTopic = `orderUpdates:${user}`;
    if (server.subscriberCount(ordersTopic) > 0) {
      const m = this.st.core.market('hyperliquid', e.order.symbolId);
      server.publish(ordersTopic, JSON.stringify({ channel: 'orderUpdates', data: [orderWithStatus(e.order, basicOrder(e.order, m))] }));
    }
    const fillsTopic = `userFills:${user}`;
    if (fill && server.subscriberCount(fillsTopic) > 0) {
      server.publish(fillsTopic, JSON.stringify({ channel: 'userFills', data: { user, fills: [fill] } }));
    }
  }
}
