// Serves the API on Bun through Elysia's listen (which wires the WebSocket handler and the client
// address for webhooks). Returns the bound port and a stop function; nothing global.
import type { Api } from './api';

export interface ServeOptions {
  /** 0 = any free port. */
  readonly port: number;
  readonly hostname?: string;
  /** Largest request body Bun accepts on any route. Default 1 MiB. */
  readonly maxRequestBodySize?: number;
}

export interface ApiServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

export function serveApi(app: Api, options: ServeOptions): ApiServer {
  const hostname = options.hostname ?? '0.0.0.0';
  app.listen({ port: options.port, hostname, maxRequestBodySize: options.maxRequestBodySize ?? 1024 * 1024 });
  const port = app.server?.port ?? options.port;
  return {
    port,
    url: `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`,
    async stop() {
      await app.stop(true);
    },
  };
}
