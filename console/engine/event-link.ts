// The console's one link to the engine's live events: a WebSocket to /api/events with a bearer token,
// reconnecting with capped backoff. Hands each parsed message to `onMessage`; never blocks on a browser.
import { parseEngineMessage, type EngineEvent } from '../shared/events';

export interface EventLinkOptions {
  /** Engine base URL, http(s)://host:port. */
  engineUrl: string;
  token: string;
  onMessage(message: EngineEvent | { type: 'dropped'; count: number }): void;
  onLinkChange?(connected: boolean): void;
  /** First and largest reconnect delay (ms). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export function eventsUrl(engineUrl: string): string {
  const url = new URL('/api/events', engineUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** Next reconnect delay: doubles from min up to max. */
export const nextBackoff = (current: number, min: number, max: number): number => Math.min(max, Math.max(min, current * 2));

export class EngineEventLink {
  private socket: WebSocket | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs: number;
  private stopped = false;
  private linked = false;
  /** Messages received since start (for tests and the status line). */
  received = 0;

  constructor(private readonly options: EventLinkOptions) {
    this.backoffMs = options.minBackoffMs ?? 250;
  }

  get connected(): boolean {
    return this.linked;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.socket?.close(1000, 'console stopping');
    this.socket = undefined;
    this.setLinked(false);
  }

  private connect(): void {
    if (this.stopped) return;
    // Bun's WebSocket takes headers: the token travels in Authorization, never in the URL.
    const socket = new WebSocket(eventsUrl(this.options.engineUrl), { headers: { authorization: `Bearer ${this.options.token}` } } as unknown as string[]);
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = this.options.minBackoffMs ?? 250;
      this.setLinked(true);
    };
    socket.onmessage = (event) => {
      const message = parseEngineMessage(typeof event.data === 'string' ? event.data : new TextDecoder().decode(event.data as ArrayBuffer));
      if (message === undefined) return;
      this.received += 1;
      this.options.onMessage(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.setLinked(false);
      this.schedule();
    };
    socket.onerror = () => {
      // onclose follows and schedules the reconnect.
    };
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = this.backoffMs;
    this.backoffMs = nextBackoff(this.backoffMs, this.options.minBackoffMs ?? 250, this.options.maxBackoffMs ?? 5000);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private setLinked(connected: boolean): void {
    if (this.linked === connected) return;
    this.linked = connected;
    this.options.onLinkChange?.(connected);
  }
}
