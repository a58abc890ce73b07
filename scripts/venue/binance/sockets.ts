// The Binance simulator's WebSocket bookkeeping: what a socket is (market or user-data stream, or the API), the set
// of open sockets (closed together by the closeWebSockets fault) and the server used to publish.
import type { Server, ServerWebSocket } from 'bun';

export type BinanceSocketData =
  | { kind: 'market'; topics: Set<string>; initial: string[] }
  | { kind: 'user'; topics: Set<string>; listenKey: string }
  /** The WebSocket API (ws-fapi): signed requests and their replies, no subscriptions. */
  | { kind: 'api'; topics: Set<string> };

export type BinanceSocket = ServerWebSocket<BinanceSocketData>;

/** Topic of an account's user-data stream. */
export const userTopic = (accountId: string) => `u:${accountId}`;

export class SocketRegistry {
  private readonly open = new Set<BinanceSocket>();
  /** The server of the latest request: pub/sub fan-out goes through it. */
  server: Server<BinanceSocketData> | undefined;

  add(ws: BinanceSocket): void {
    this.open.add(ws);
  }

  remove(ws: BinanceSocket): void {
    this.open.delete(ws);
  }

  get size(): number {
    return this.open.size;
  }

  /** Close every open socket (code 1001 "going away", as a venue restart or network cut would). */
  closeAll(reason = 'Going away'): void {
    for (const ws of [...this.open]) ws.close(1001, reason);
    this.open.clear();
  }

  /** Publish one serialized message to a topic if anyone listens; the payload is built only then. */
  publish(topic: string, payload: () => string): boolean {
    const s = this.server;
    if (!s || s.subscriberCount(topic) === 0) return false;
    s.publish(topic, payload());
    return true;
  }
}
