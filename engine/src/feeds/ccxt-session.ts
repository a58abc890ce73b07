// One ccxt.pro instance of a feed with the hooks the feed needs: socket opened/closed callbacks and
// tracked ccxt timers (Binance's listenKey keep-alive), so close() leaves no socket and no timer behind.
import { createClient, prepareClient, type CcxtVenue, type ClientOptions, type ProClient } from '../venues';

export interface SessionHooks {
  /** A WebSocket of this instance opened (first connect or reconnect). */
  onOpen(): void;
  /** A WebSocket of this instance closed. */
  onClose(): void;
}

/** The ccxt instance methods the session wraps (declared by ccxt's Exchange; bound into each ws client). */
interface HookableExchange {
  onConnected(client: unknown, message?: unknown): void;
  onClose(client: unknown, error: unknown): void;
  delay(timeout: number, method: unknown, ...args: unknown[]): void;
  spawn(method: unknown, ...args: unknown[]): unknown;
  options: Record<string, any>;
  newUpdates: boolean;
}

interface ClosableWsClient {
  close(): unknown;
}

export class CcxtSession {
  readonly ex: ProClient;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(venue: CcxtVenue, options: ClientOptions, hooks: SessionHooks) {
    this.ex = createClient(venue, options);
    const ex = this.ex as unknown as HookableExchange;
    // watch* must return what the frame carried, not ccxt's merged cache (which keeps closed positions).
    ex.newUpdates = true;
    // The feed owns reconnect backoff; ccxt's own dial backoff would stack on top of it.
    ex.options.ws = { ...(ex.options.ws ?? {}), backoff: { base: 0, max: 0 } };
    // ccxt binds these into every ws client it creates, so they must be replaced before the first watch*.
    const connected = ex.onConnected.bind(ex);
    const closed = ex.onClose.bind(ex);
    ex.onConnected = (client, message) => {
      connected(client, message);
      // A socket that opens after close() (a watch re-armed during shutdown) is closed at once.
      if (this.closed) (client as ClosableWsClient).close();
      else hooks.onOpen();
    };
    ex.onClose = (client, error) => {
      closed(client, error);
      if (!this.closed) hooks.onClose();
    };
    ex.delay = (timeout, method, ...args) => {
      if (this.closed) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        ex.spawn(method, ...args);
      }, timeout);
      this.timers.add(timer);
    };
  }

  async prepare(): Promise<void> {
    await prepareClient(this.ex);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes every socket (pending watch* calls reject) and cancels ccxt's scheduled timers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.ex.close();
  }
}
