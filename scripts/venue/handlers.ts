// The contract between the simulator's server and each venue protocol layer: an HTTP fetch handler and a
// Bun WebSocket handler, composed by server.ts on the venue's port. No venue logic here.
import type { Server, WebSocketHandler } from 'bun';

export interface VenueHandlers<T = any> {
  /** Serve a request. Return undefined after upgrading it to a WebSocket with server.upgrade(req, { data }). */
  fetch(req: Request, server: Server<T>): Response | undefined | Promise<Response | undefined>;
  websocket: WebSocketHandler<T>;
  /** Stop timers (keep-alives, periodic pushes) and close open sockets. */
  close(): void;
}
