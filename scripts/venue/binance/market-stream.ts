// Market streams (/market/ws, /public/ws, /ws): SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS and the
// pushes of markPrice(@1s), ticker, miniTicker and bookTicker, each serialized once and fanned out by Bun.
import type { SimMarket, VenueContext } from '../core';
import { bookTickerEvent, markPriceEvent, miniTickerEvent, tickerEvent } from './events';
import type { BinanceSocket, SocketRegistry } from './sockets';
import type { MarketStat, MarketStats } from './stats';

interface Topics {
  markPrice: string;
  markPrice1s: string;
  ticker: string;
  miniTicker: string;
  bookTicker: string;
}

const ALL = { markPrice: '!markPrice@arr', markPrice1s: '!markPrice@arr@1s', ticker: '!ticker@arr', miniTicker: '!miniTicker@arr', bookTicker: '!bookTicker' };
const STREAM_NAME = /^[!a-zA-Z0-9@_.-]{1,100}$/;

export class MarketStream {
  private readonly topics = new Map<string, Topics>();
  private ticks = 0;

  constructor(
    private readonly ctx: VenueContext,
    private readonly stats: MarketStats,
    private readonly sockets: SocketRegistry,
  ) {
    for (const m of stats.markets) {
      const id = m.id.toLowerCase();
      this.topics.set(m.id, {
        markPrice: `${id}@markPrice`, markPrice1s: `${id}@markPrice@1s`, ticker: `${id}@ticker`,
        miniTicker: `${id}@miniTicker`, bookTicker: `${id}@bookTicker`,
      });
    }
  }

  private paused(): boolean {
    return this.ctx.faults.streamPaused('binanceusdm');
  }

  /** A mark price changed: push every stream of that symbol (and the all-market ones) that has listeners. */
  onPrice(m: SimMarket, price: number): void {
    const s = this.stats.onPrice(m.id, price);
    const t = this.topics.get(m.id);
    if (!s || !t || !this.sockets.server || this.paused()) return;
    const now = this.ctx.core.now();
    this.pushMark([s], t, now, true);
    const pub = this.sockets;
    let mini: string | undefined;
    const miniJson = () => (mini ??= JSON.stringify(miniTickerEvent(this.stats, s, now)));
    pub.publish(t.miniTicker, miniJson);
    pub.publish(ALL.miniTicker, () => `[${miniJson()}]`);
    let tick: string | undefined;
    const tickJson = () => (tick ??= JSON.stringify(tickerEvent(this.stats, s, now)));
    pub.publish(t.ticker, tickJson);
    pub.publish(ALL.ticker, () => `[${tickJson()}]`);
    let book: string | undefined;
    const bookJson = () => (book ??= JSON.stringify(bookTickerEvent(this.stats, s, now)));
    pub.publish(t.bookTicker, bookJson);
    pub.publish(ALL.bookTicker, bookJson);
  }

  /** markPriceUpdate for these markets; `every` = also the 3-second streams (they push on changes and every 3 s). */
  private pushMark(list: MarketStat[], only: Topics | undefined, now: number, every: boolean): void {
    const cache = new Map<string, string>();
    const one = (s: MarketStat) => {
      let j = cache.get(s.m.id);
      if (!j) cache.set(s.m.id, (j = JSON.stringify(markPriceEvent(s.m, this.stats.mark(s), now))));
      return j;
    };
    for (const s of list) {
      const t = only ?? this.topics.get(s.m.id);
      if (!t) continue;
      this.sockets.publish(t.markPrice1s, () => one(s));
      if (every) this.sockets.publish(t.markPrice, () => one(s));
    }
    this.sockets.publish(ALL.markPrice1s, () => `[${list.map(one).join(',')}]`);
    if (every) this.sockets.publish(ALL.markPrice, () => `[${list.map(one).join(',')}]`);
  }

  /** Called every second: the @1s mark streams, and every third second the plain ones. */
  tick(): void {
    if (!this.sockets.server || this.paused()) return;
    this.ticks++;
    this.pushMark([...this.stats.all()], undefined, this.ctx.core.now(), this.ticks % 3 === 0);
  }

  subscribe(ws: BinanceSocket, streams: readonly string[]): void {
    for (const s of streams) {
      ws.data.topics.add(s);
      ws.subscribe(s);
    }
  }

  /** One client frame: `{"method":"SUBSCRIBE","params":[...],"id":1}` and friends. */
  message(ws: BinanceSocket, text: string): void {
    let req: { method?: unknown; params?: unknown; id?: unknown };
    try {
      req = JSON.parse(text) as typeof req;
    } catch {
      ws.send(JSON.stringify({ error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' } }));
      return;
    }
    const id = typeof req.id === 'number' || typeof req.id === 'string' ? req.id : null;
    const fail = (msg: string) => ws.send(JSON.stringify({ error: { code: 2, msg: `Invalid request: ${msg}` }, id }));
    const params = req.params;
    switch (req.method) {
      case 'SUBSCRIBE':
      case 'UNSUBSCRIBE': {
        if (!Array.isArray(params) || !params.every((p): p is string => typeof p === 'string' && STREAM_NAME.test(p))) {
          return void fail('invalid value for params');
        }
        if (req.method === 'SUBSCRIBE') this.subscribe(ws, params);
        else for (const p of params) {
          ws.data.topics.delete(p);
          ws.unsubscribe(p);
        }
        return void ws.send(JSON.stringify({ result: null, id }));
      }
      case 'LIST_SUBSCRIPTIONS':
        return void ws.send(JSON.stringify({ result: [...ws.data.topics], id }));
      case 'SET_PROPERTY':
        return void ws.send(JSON.stringify({ result: null, id }));
      case 'GET_PROPERTY':
        return void ws.send(JSON.stringify({ result: false, id }));
      default:
        return void fail('unknown method');
    }
  }
}
