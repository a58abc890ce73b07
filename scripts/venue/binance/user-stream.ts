// The user-data stream (/private/ws?listenKey=K, /ws/K): core order and account events become
// ORDER_TRADE_UPDATE / ACCOUNT_UPDATE / ACCOUNT_CONFIG_UPDATE, published once per account topic.
import type { CoreEvent, VenueContext } from '../core';
import { accountUpdate, leverageUpdate, orderTradeUpdate } from './events';
import type { ListenKey, ListenKeys } from './listen-keys';
import { userTopic, type BinanceSocket, type SocketRegistry } from './sockets';

export class UserStream {
  constructor(
    private readonly ctx: VenueContext,
    private readonly keys: ListenKeys,
    private readonly sockets: SocketRegistry,
  ) {}

  onCoreEvent(e: CoreEvent): void {
    if (e.type === 'price' || e.account.venue !== 'binanceusdm') return;
    const topic = userTopic(e.account.id);
    const server = this.sockets.server;
    if (!server || server.subscriberCount(topic) === 0 || this.ctx.faults.streamPaused('binanceusdm')) return;
    const core = this.ctx.core;
    const now = core.now();
    if (e.type === 'order') {
      const m = core.market(e.order.venue, e.order.symbolId);
      server.publish(topic, JSON.stringify(orderTradeUpdate(e.order, m, e.fill, now)));
    } else if (e.reason === 'LEVERAGE') {
      for (const s of e.symbols) server.publish(topic, JSON.stringify(leverageUpdate(core, e.account, s, now)));
    } else {
      server.publish(topic, JSON.stringify(accountUpdate(core, e.account, e.reason, e.symbols, now)));
    }
  }

  /** A user socket opened: follow its key's account, or close at once if the key is unknown/expired. */
  open(ws: BinanceSocket, listenKey: string): void {
    const k = this.keys.get(listenKey);
    if (!k || !this.ctx.core.accounts.has(k.accountId)) {
      ws.close(1008, 'Invalid listenKey');
      return;
    }
    k.sockets.add(ws);
    const topic = userTopic(k.accountId);
    ws.data.topics.add(topic);
    ws.subscribe(topic);
  }

  closed(ws: BinanceSocket, listenKey: string): void {
    this.keys.get(listenKey)?.sockets.delete(ws);
  }

  /** Close the sockets of a key that expired or was deleted, telling them why first (Binance's listenKeyExpired). */
  end(k: ListenKey, now: number): void {
    const msg = JSON.stringify({ e: 'listenKeyExpired', E: now, listenKey: k.key });
    for (const ws of k.sockets) {
      ws.send(msg);
      ws.close(1000, 'listenKeyExpired');
    }
    k.sockets.clear();
  }

  sweep(): void {
    const now = this.ctx.core.now();
    for (const k of this.keys.sweep()) this.end(k, now);
  }
}
